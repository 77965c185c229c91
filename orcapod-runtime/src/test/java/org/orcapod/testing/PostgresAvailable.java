package org.orcapod.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * JUnit 5 condition for tests that need PostgreSQL (use {@link RequiresPostgres}). The server is
 * found through the standard libpq variables, defaulting to what {@code .ci/lib/postgres.sh}
 * starts: {@code PGHOST=localhost PGPORT=5432 PGDATABASE=testdb PGUSER=postgres
 * PGPASSWORD=postgres}.
 *
 * <p>When the server cannot be reached the tests are skipped with a reason saying so and how to
 * start one, except under {@code CI=true}, where they run and fail: CI must never pass by skipping
 * them.
 */
public final class PostgresAvailable implements ExecutionCondition {
  private static volatile @Nullable String unreachable;
  private static volatile boolean checked;

  /** A data source for the configured server, optionally pinned to {@code schema}. */
  public static PGSimpleDataSource dataSource(@Nullable String schema) {
    Map<String, String> env = System.getenv();
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {env.getOrDefault("PGHOST", "localhost")});
    ds.setPortNumbers(new int[] {Integer.parseInt(env.getOrDefault("PGPORT", "5432"))});
    ds.setDatabaseName(env.getOrDefault("PGDATABASE", "testdb"));
    ds.setUser(env.getOrDefault("PGUSER", "postgres"));
    ds.setPassword(env.getOrDefault("PGPASSWORD", "postgres"));
    ds.setConnectTimeout(5);
    if (schema != null) {
      ds.setCurrentSchema(schema);
    }
    return ds;
  }

  /** A data source for the configured server's default schema. */
  public static PGSimpleDataSource dataSource() {
    return dataSource(null);
  }

  /** Whether the environment says this is a CI run. */
  public static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (!checked) {
      synchronized (PostgresAvailable.class) {
        if (!checked) {
          PGSimpleDataSource ds = dataSource();
          try (Connection c = ds.getConnection()) {
            unreachable = null;
          } catch (SQLException e) {
            unreachable =
                "PostgreSQL is not reachable at "
                    + ds.getServerNames()[0]
                    + ":"
                    + ds.getPortNumbers()[0]
                    + "/"
                    + ds.getDatabaseName()
                    + " as "
                    + ds.getUser()
                    + " ("
                    + e.getMessage()
                    + "). Start one with: source .ci/lib/postgres.sh && ci_start_postgres";
          }
          checked = true;
        }
      }
    }
    return decide(unreachable, inCi(), context.getDisplayName());
  }

  /**
   * The decision: run when reachable; when not, skip loudly, or under CI run anyway so that the
   * test fails on the connection.
   */
  static ConditionEvaluationResult decide(@Nullable String unreachable, boolean ci, String test) {
    if (unreachable == null) {
      return ConditionEvaluationResult.enabled("PostgreSQL is reachable");
    }
    if (ci) {
      return ConditionEvaluationResult.enabled("CI=true: running (and failing) without PostgreSQL");
    }
    System.err.println("WARNING: SKIPPING " + test + ": " + unreachable);
    return ConditionEvaluationResult.disabled("SKIPPED: " + unreachable);
  }
}
