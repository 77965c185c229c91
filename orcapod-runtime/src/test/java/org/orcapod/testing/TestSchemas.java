package org.orcapod.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Throw-away PostgreSQL schemas, one per test, so tests never see each other's tables. */
public final class TestSchemas {
  private TestSchemas() {}

  /** Creates a fresh schema and returns its name. */
  public static String create() throws SQLException {
    String name = "orcapod_test_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = PostgresAvailable.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    }
    return name;
  }

  /** Drops a schema made by {@link #create()} with everything in it. */
  public static void drop(String name) throws SQLException {
    try (Connection c = PostgresAvailable.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
  }
}
