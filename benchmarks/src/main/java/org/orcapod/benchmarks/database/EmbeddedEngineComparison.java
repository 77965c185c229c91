package org.orcapod.benchmarks.database;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The measurement behind the choice of the embedded engine (docs/storage.md): raw JDBC write and
 * point-lookup throughput of SQLite, DuckDB and H2 on the same rows, and what happens when two JVMs
 * write overlapping record ids to one database file at once.
 *
 * <p>Run: {@code java -cp <sqlite, duckdb, h2 jars>:benchmarks/target/classes
 * org.orcapod.benchmarks.database.EmbeddedEngineComparison [rows]}. DuckDB and H2 are not
 * dependencies of the project; put their jars on the class path to include them.
 */
public final class EmbeddedEngineComparison {
  private static final int BATCH = 500;

  private EmbeddedEngineComparison() {}

  /** An engine under test: its JDBC URL for a file, and its insert-if-absent statement. */
  private enum Engine {
    SQLITE(
        "jdbc:sqlite:%s?journal_mode=WAL&synchronous=FULL&busy_timeout=60000",
        "db", "INSERT OR IGNORE INTO rec VALUES (?, ?, ?, ?, ?)", "BLOB"),
    DUCKDB("jdbc:duckdb:%s", "duckdb", "INSERT OR IGNORE INTO rec VALUES (?, ?, ?, ?, ?)", "BLOB"),
    H2("jdbc:h2:file:%s", "h2", "MERGE INTO rec KEY(id) VALUES (?, ?, ?, ?, ?)", "VARBINARY");

    final String url;
    final String suffix;
    final String insert;
    final String blobType;

    Engine(String url, String suffix, String insert, String blobType) {
      this.url = url;
      this.suffix = suffix;
      this.insert = insert;
      this.blobType = blobType;
    }

    String url(Path base) {
      return String.format(url, base.toAbsolutePath() + "." + suffix);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("child")) {
      child(Engine.valueOf(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
      return;
    }
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Path dir = Files.createTempDirectory("engine-comparison");
    System.out.printf(
        "%-7s %14s %14s %s%n", "engine", "writes/s", "lookups/s", "two JVMs, overlapping ids");
    for (Engine engine : Engine.values()) {
      try {
        Class.forName(
            switch (engine) {
              case SQLITE -> "org.sqlite.JDBC";
              case DUCKDB -> "org.duckdb.DuckDBDriver";
              case H2 -> "org.h2.Driver";
            });
      } catch (ClassNotFoundException e) {
        System.out.printf("%-7s (driver not on the class path)%n", engine);
        continue;
      }
      Path base = dir.resolve(engine.name().toLowerCase());
      double writes;
      double lookups;
      try (Connection c = DriverManager.getConnection(engine.url(base))) {
        create(c, engine);
        long t0 = System.nanoTime();
        insert(c, engine, 0, rows);
        writes = rows / ((System.nanoTime() - t0) / 1e9);
        Random random = new Random(1);
        int n = rows;
        long t1 = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement("SELECT a, b, c, d FROM rec WHERE id = ?")) {
          for (int i = 0; i < n; i++) {
            ps.setString(1, id(random.nextInt(rows)));
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new IllegalStateException("missing row");
              }
            }
          }
        }
        lookups = n / ((System.nanoTime() - t1) / 1e9);
      }
      String concurrency =
          twoWriters(engine, dir.resolve(engine.name().toLowerCase() + "-mp"), rows);
      System.out.printf("%-7s %14.0f %14.0f %s%n", engine, writes, lookups, concurrency);
    }
  }

  private static void create(Connection c, Engine engine) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS rec (id VARCHAR PRIMARY KEY, a BIGINT, b DOUBLE, c VARCHAR, d "
              + engine.blobType
              + ")");
    }
  }

  private static String id(int i) {
    return String.format("%064x", (long) i * 0x9E3779B97F4A7C15L);
  }

  private static void insert(Connection c, Engine engine, int from, int to) throws SQLException {
    c.setAutoCommit(false);
    byte[] blob = new byte[32];
    try (PreparedStatement ps = c.prepareStatement(engine.insert)) {
      for (int start = from; start < to; start += BATCH) {
        for (int i = start; i < Math.min(to, start + BATCH); i++) {
          ps.setString(1, id(i));
          ps.setLong(2, i);
          ps.setDouble(3, i * 0.5);
          ps.setString(4, "value " + i);
          blob[0] = (byte) i;
          ps.setBytes(5, blob);
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
      }
    }
    c.setAutoCommit(true);
  }

  /** Two child JVMs insert the same ids (in opposite halves first) into one fresh file. */
  private static String twoWriters(Engine engine, Path base, int rows) throws Exception {
    try (Connection c = DriverManager.getConnection(engine.url(base))) {
      create(c, engine);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> children = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int k = 0; k < 2; k++) {
      children.add(
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  EmbeddedEngineComparison.class.getName(),
                  "child",
                  engine.name(),
                  base.toString(),
                  Integer.toString(rows))
              .redirectErrorStream(true)
              .start());
    }
    StringBuilder errors = new StringBuilder();
    for (Process p : children) {
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (errors.length() < 300) {
            errors.append(line).append(' ');
          }
        }
      }
      if (p.waitFor() != 0) {
        errors.append("[exit ").append(p.exitValue()).append("] ");
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long count;
    try (Connection c = DriverManager.getConnection(engine.url(base));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT id) FROM rec")) {
      rs.next();
      count = rs.getLong(1);
      if (rs.getLong(2) != count) {
        errors.append("DUPLICATES ");
      }
    }
    return String.format(
        "%.1fs, %d of %d rows, %s",
        seconds,
        count,
        rows,
        errors.length() == 0 ? "no errors" : "errors: " + errors.toString().strip());
  }

  private static void child(Engine engine, Path base, int rows) throws SQLException {
    try (Connection c = DriverManager.getConnection(engine.url(base))) {
      insert(c, engine, 0, rows);
    }
  }
}
