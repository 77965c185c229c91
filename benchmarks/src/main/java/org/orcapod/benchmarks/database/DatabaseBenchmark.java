package org.orcapod.benchmarks.database;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.RecordPath;
import org.orcapod.database.embedded.EmbeddedArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.database.postgres.PostgresArrowDatabase;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;

/**
 * Write and record-id lookup throughput of each {@link ArrowDatabase}, each beside raw JDBC doing
 * the same work on the same engine in the same run: batch inserts of the same rows (one transaction
 * per batch, like one flush) and primary-key point selects.
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=org.apache.arrow.memory.core,ALL-UNNAMED -cp
 * benchmarks/target/benchmarks.jar org.orcapod.benchmarks.database.DatabaseBenchmark [rows]
 * [batch]}. PostgreSQL is included when the PG* variables (defaults localhost:5432/testdb,
 * postgres/postgres) reach a server.
 */
public final class DatabaseBenchmark {
  private static final RecordPath PATH = RecordPath.of("bench", "records");

  private DatabaseBenchmark() {}

  /** Opens a fresh database of one kind. */
  private interface Opener {
    ArrowDatabase open(BufferAllocator allocator) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int lookups = rows;
    Path dir = Files.createTempDirectory("orcapod-db-bench");
    System.out.printf(
        "rows=%d batch=%d lookups=%d (best of 3 runs, each on a fresh store)%n",
        rows, batch, lookups);
    System.out.printf(
        "%-10s %10s %10s %6s | %10s %10s %6s | %14s %6s%n",
        "database",
        "writes/s",
        "raw JDBC/s",
        "ratio",
        "lookups/s",
        "raw JDBC/s",
        "ratio",
        "100-id reads/s",
        "ratio");
    try (BufferAllocator allocator = new RootAllocator()) {
      int[] run = {0};
      Result memory =
          measure(a -> InMemoryArrowDatabase.create(a), allocator, rows, batch, lookups);
      print("in-memory", memory, null);
      Result embedded =
          measure(
              a -> EmbeddedArrowDatabase.open(dir.resolve("e" + run[0]++ + ".db"), a),
              allocator,
              rows,
              batch,
              lookups);
      Result rawSqlite =
          measureRaw(
              () -> sqlite(dir.resolve("raw" + run[0]++ + ".db")), rows, batch, lookups, false);
      print("embedded", embedded, rawSqlite);
      PGSimpleDataSource pg = postgres();
      if (reachable(pg)) {
        Result postgres =
            measure(
                a -> PostgresArrowDatabase.open(freshSchema(pg), a),
                allocator,
                rows,
                batch,
                lookups);
        Result rawPg =
            measureRaw(() -> freshSchema(pg).getConnection(), rows, batch, lookups, true);
        print("postgres", postgres, rawPg);
      } else {
        System.out.println("postgres   (not reachable through the PG* variables; skipped)");
      }
    }
  }

  /** Rows per second written, looked up one id per call, and looked up 100 ids per call. */
  private record Result(double writes, double lookups, double batchedLookups) {}

  private static void print(String name, Result db, Result raw) {
    if (raw == null) {
      System.out.printf(
          "%-10s %10.0f %10s %6s | %10.0f %10s %6s | %14.0f %6s%n",
          name, db.writes, "-", "-", db.lookups, "-", "-", db.batchedLookups, "-");
    } else {
      System.out.printf(
          "%-10s %10.0f %10.0f %6.2f | %10.0f %10.0f %6.2f | %14.0f %6.2f%n",
          name,
          db.writes,
          raw.writes,
          db.writes / raw.writes,
          db.lookups,
          raw.lookups,
          db.lookups / raw.lookups,
          db.batchedLookups,
          db.batchedLookups / raw.lookups);
    }
  }

  private static VectorSchemaRoot batchOf(BufferAllocator allocator, int from, int to) {
    Schema schema =
        new Schema(
            List.of(
                Field.notNullable("id", ArrowType.Utf8.INSTANCE),
                Field.nullable("name", ArrowType.Utf8.INSTANCE),
                Field.nullable("value", new ArrowType.Int(64, true)),
                Field.nullable(
                    "score", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE))));
    VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
    root.allocateNew();
    for (int i = from; i < to; i++) {
      int r = i - from;
      ((VarCharVector) root.getVector(0)).setSafe(r, id(i).getBytes(StandardCharsets.UTF_8));
      ((VarCharVector) root.getVector(1))
          .setSafe(r, ("name " + i).getBytes(StandardCharsets.UTF_8));
      ((BigIntVector) root.getVector(2)).setSafe(r, i);
      ((Float8Vector) root.getVector(3)).setSafe(r, i * 0.25);
    }
    root.setRowCount(to - from);
    return root;
  }

  private static String id(int i) {
    return String.format("%016x%016x", (long) i * 0x9E3779B97F4A7C15L, (long) i);
  }

  private static Result measure(
      Opener opener, BufferAllocator allocator, int rows, int batch, int lookups) throws Exception {
    double bestWrite = 0;
    double bestLookup = 0;
    double bestBatched = 0;
    for (int attempt = 0; attempt < 3; attempt++) {
      try (ArrowDatabase db = opener.open(allocator)) {
        long t0 = System.nanoTime();
        for (int start = 0; start < rows; start += batch) {
          try (VectorSchemaRoot b = batchOf(allocator, start, Math.min(rows, start + batch))) {
            db.addRecords(PATH, b, "id", true);
          }
          db.flush();
        }
        bestWrite = Math.max(bestWrite, rows / seconds(t0));
        Random random = new Random(attempt);
        long t1 = System.nanoTime();
        for (int i = 0; i < lookups; i++) {
          try (VectorSchemaRoot r =
              db.getRecordById(PATH, id(random.nextInt(rows)), null, allocator)) {
            if (r == null || r.getRowCount() != 1) {
              throw new IllegalStateException("lookup missed");
            }
          }
        }
        bestLookup = Math.max(bestLookup, lookups / seconds(t1));
        long t2 = System.nanoTime();
        for (int i = 0; i < lookups; i += 100) {
          List<String> ids = new ArrayList<>();
          for (int k = 0; k < 100; k++) {
            ids.add(id(random.nextInt(rows)));
          }
          try (VectorSchemaRoot r = db.getRecordsByIds(PATH, ids, null, allocator)) {
            if (r == null) {
              throw new IllegalStateException("lookup missed");
            }
          }
        }
        bestBatched = Math.max(bestBatched, lookups / seconds(t2));
      }
    }
    return new Result(bestWrite, bestLookup, bestBatched);
  }

  private interface ConnectionSource {
    Connection get() throws Exception;
  }

  /** Plain JDBC on the same engine: same columns, batch insert-if-absent, one commit per batch. */
  private static Result measureRaw(
      ConnectionSource source, int rows, int batch, int lookups, boolean postgres)
      throws Exception {
    double bestWrite = 0;
    double bestLookup = 0;
    String insert =
        postgres
            ? "INSERT INTO raw VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"
            : "INSERT OR IGNORE INTO raw VALUES (?, ?, ?, ?)";
    for (int attempt = 0; attempt < 3; attempt++) {
      try (Connection c = source.get()) {
        try (Statement s = c.createStatement()) {
          s.execute(
              "CREATE TABLE raw (id TEXT PRIMARY KEY, name TEXT, value BIGINT, score "
                  + (postgres ? "DOUBLE PRECISION" : "REAL")
                  + ")");
        }
        c.setAutoCommit(false);
        long t0 = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(insert)) {
          for (int start = 0; start < rows; start += batch) {
            for (int i = start; i < Math.min(rows, start + batch); i++) {
              ps.setString(1, id(i));
              ps.setString(2, "name " + i);
              ps.setLong(3, i);
              ps.setDouble(4, i * 0.25);
              ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
          }
        }
        bestWrite = Math.max(bestWrite, rows / seconds(t0));
        c.setAutoCommit(true);
        Random random = new Random(attempt);
        long t1 = System.nanoTime();
        try (PreparedStatement ps =
            c.prepareStatement("SELECT id, name, value, score FROM raw WHERE id = ?")) {
          for (int i = 0; i < lookups; i++) {
            ps.setString(1, id(random.nextInt(rows)));
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new IllegalStateException("lookup missed");
              }
            }
          }
        }
        bestLookup = Math.max(bestLookup, lookups / seconds(t1));
      }
    }
    return new Result(bestWrite, bestLookup, bestLookup);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static Connection sqlite(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    return config.createConnection("jdbc:sqlite:" + file);
  }

  private static PGSimpleDataSource postgres() {
    Map<String, String> env = System.getenv();
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {env.getOrDefault("PGHOST", "localhost")});
    ds.setPortNumbers(new int[] {Integer.parseInt(env.getOrDefault("PGPORT", "5432"))});
    ds.setDatabaseName(env.getOrDefault("PGDATABASE", "testdb"));
    ds.setUser(env.getOrDefault("PGUSER", "postgres"));
    ds.setPassword(env.getOrDefault("PGPASSWORD", "postgres"));
    ds.setConnectTimeout(5);
    return ds;
  }

  private static boolean reachable(DataSource ds) {
    try (Connection c = ds.getConnection()) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static final List<String> SCHEMAS = new ArrayList<>();

  /** A data source pinned to a new, empty schema (dropped when the JVM exits). */
  private static PGSimpleDataSource freshSchema(PGSimpleDataSource base) throws SQLException {
    String name = "orcapod_bench_" + System.nanoTime();
    try (Connection c = base.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    }
    if (SCHEMAS.isEmpty()) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchemas(base)));
    }
    SCHEMAS.add(name);
    PGSimpleDataSource ds = postgres();
    ds.setCurrentSchema(name);
    return ds;
  }

  private static void dropSchemas(PGSimpleDataSource base) {
    try (Connection c = base.getConnection();
        Statement s = c.createStatement()) {
      for (String name : SCHEMAS) {
        s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
      }
    } catch (SQLException e) {
      System.err.println("could not drop benchmark schemas: " + e.getMessage());
    }
  }
}
