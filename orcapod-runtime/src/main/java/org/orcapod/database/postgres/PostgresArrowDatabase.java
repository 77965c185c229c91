package org.orcapod.database.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.DatabaseAccessException;
import org.orcapod.database.RecordPath;
import org.orcapod.database.memory.BufferedArrowDatabase;
import org.orcapod.database.memory.RecordTable;
import org.orcapod.database.sql.ColumnCodec;
import org.orcapod.database.sql.JdbcStore;
import org.orcapod.database.sql.SqlDialect;
import org.orcapod.database.sql.TableNames;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ArrowDatabase} in PostgreSQL, in the current schema of the connections its {@link
 * DataSource} hands out. It keeps one connection from the data source for its lifetime (replaced if
 * it breaks) and returns it on {@link #close()}.
 *
 * <p>A flush is one transaction: per record path it COPYs the pending rows into a session's
 * temporary staging table and moves them with {@code INSERT … SELECT … ORDER BY __record_id ON
 * CONFLICT (__record_id) DO NOTHING} (or {@code DO UPDATE} for rows added without skip-duplicates).
 * The primary key decides duplicates inside the server, so concurrent writers never store an id
 * twice and never race between a check and an insert; sorting by id keeps their row locks in one
 * order, and a deadlock or serialization failure PostgreSQL still reports is retried. Table and
 * column names are always double-quoted identifiers and values always travel as data, never as SQL
 * text.
 */
public final class PostgresArrowDatabase extends BufferedArrowDatabase {
  private PostgresArrowDatabase(Shared shared, RecordPath basePath, boolean owner) {
    super(shared, basePath, owner);
  }

  /** Opens the database behind {@code dataSource}, creating its catalog table if needed. */
  public static PostgresArrowDatabase open(DataSource dataSource, BufferAllocator allocator) {
    Shared shared =
        new Shared(allocator, "orcapod-postgres-database", a -> new PostgresStore(dataSource, a));
    return new PostgresArrowDatabase(shared, RecordPath.ROOT, true);
  }

  @Override
  protected ArrowDatabase view(Shared shared, RecordPath basePath) {
    return new PostgresArrowDatabase(shared, basePath, false);
  }

  static final class PostgresStore extends JdbcStore {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresArrowDatabase.class);

    /** Advisory lock key serializing catalog and table creation ("orcapod" in ASCII, truncated). */
    private static final long CATALOG_LOCK = 0x6f72636170L;

    private static final int MAX_ATTEMPTS = 8;
    private final DataSource dataSource;
    private @Nullable Connection connection;
    private final Map<String, String> staged = new java.util.HashMap<>();
    private @Nullable Connection stagedFor;

    PostgresStore(DataSource dataSource, BufferAllocator allocator) {
      super(SqlDialect.POSTGRES, allocator);
      this.dataSource = dataSource;
      inTransaction(
          c -> {
            lockCatalog(c);
            try (Statement s = c.createStatement()) {
              s.execute(catalogDdl());
            }
            return null;
          });
    }

    @Override
    protected String where() {
      return "PostgreSQL";
    }

    /**
     * The connection this database keeps (callers hold the database lock); replaced when it breaks.
     * Opening one per read would cost a TCP and authentication round trip each time.
     */
    private Connection connection() throws SQLException {
      if (connection != null && !connection.isClosed()) {
        return connection;
      }
      connection = dataSource.getConnection();
      return connection;
    }

    private void discardBroken() {
      closeStatements();
      staged.clear();
      Connection c = connection;
      connection = null;
      if (c != null) {
        try {
          c.close();
        } catch (SQLException e) {
          LOG.debug("closing a broken connection failed", e);
        }
      }
    }

    @Override
    protected <T> T withConnection(SqlWork<T> work) {
      try {
        Connection c = connection();
        if (!c.getAutoCommit()) {
          c.setAutoCommit(true);
        }
        return work.run(c);
      } catch (SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
          discardBroken();
        }
        throw new DatabaseAccessException("PostgreSQL read failed: " + e.getMessage(), e);
      }
    }

    private static void lockCatalog(Connection c) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        ps.setLong(1, CATALOG_LOCK);
        ps.execute();
      }
    }

    /** Runs {@code work} in one transaction, retrying deadlocks and serialization failures. */
    private <T> T inTransaction(SqlWork<T> work) {
      for (int attempt = 1; ; attempt++) {
        try {
          Connection c = connection();
          c.setAutoCommit(false);
          try {
            T result = work.run(c);
            c.commit();
            return result;
          } catch (SQLException | RuntimeException e) {
            staged.clear(); // staging tables created in this transaction are gone
            try {
              c.rollback();
            } catch (SQLException rollback) {
              e.addSuppressed(rollback);
            }
            throw e;
          } finally {
            if (!c.isClosed()) {
              c.setAutoCommit(true);
            }
          }
        } catch (SQLException e) {
          String state = e.getSQLState();
          if (state != null && state.startsWith("08")) {
            discardBroken();
          }
          boolean retry = "40P01".equals(state) || "40001".equals(state);
          if (retry && attempt < MAX_ATTEMPTS) {
            LOG.debug("PostgreSQL write conflict ({}), retrying: attempt {}", state, attempt);
            sleep(attempt);
            continue;
          }
          throw new DatabaseAccessException(
              "PostgreSQL write failed"
                  + (retry ? " after " + attempt + " attempts" : "")
                  + "; nothing was written: "
                  + e.getMessage(),
              e);
        }
      }
    }

    private static void sleep(int attempt) {
      try {
        Thread.sleep((long) (10 * Math.pow(2, attempt) * (0.5 + Math.random())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DatabaseAccessException("Interrupted while retrying a PostgreSQL write", e);
      }
    }

    @Override
    protected boolean relationExists(Connection c, String name) throws SQLException {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT 1 FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace"
                  + " WHERE n.nspname = current_schema() AND r.relname = ?")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    }

    @Override
    protected TableInfo ensureTable(Connection c, RecordPath path, Schema schema)
        throws SQLException {
      if (queryCatalog(c, path) == null) {
        lockCatalog(c); // then look again: another writer may have just created it
      }
      return super.ensureTable(c, path, schema);
    }

    @Override
    public void write(Map<RecordPath, RecordTable> pending) {
      List<Map.Entry<RecordPath, RecordTable>> paths = new ArrayList<>(pending.entrySet());
      // One order for every writer, so that transactions lock tables and rows in the same order.
      paths.sort(Comparator.comparing(e -> e.getKey().key()));
      inTransaction(
          c -> {
            for (Map.Entry<RecordPath, RecordTable> e : paths) {
              TableInfo info = ensureTable(c, e.getKey(), e.getValue().schema());
              for (boolean skip : new boolean[] {true, false}) {
                List<Map.Entry<String, RecordTable.Row>> rows = new ArrayList<>();
                for (Map.Entry<String, RecordTable.Row> r : e.getValue().rows().entrySet()) {
                  if (r.getValue().skipExisting() == skip) {
                    rows.add(r);
                  }
                }
                if (!rows.isEmpty()) {
                  copyAndMerge(c, info, rows, skip);
                }
              }
            }
            return null;
          });
    }

    private void copyAndMerge(
        Connection c, TableInfo info, List<Map.Entry<String, RecordTable.Row>> rows, boolean skip)
        throws SQLException {
      String table = q(info.tableName());
      String stage = stagingTable(c, info.tableName());
      StringBuilder cols = new StringBuilder(q(ArrowDatabase.RECORD_ID_COLUMN));
      for (ColumnCodec codec : info.codecs()) {
        cols.append(", ").append(q(codec.field().getName()));
      }
      CopyIn copy =
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn("COPY " + q(stage) + " (" + cols + ") FROM STDIN (FORMAT text)");
      try {
        StringBuilder line = new StringBuilder();
        List<ColumnCodec> codecs = info.codecs();
        for (Map.Entry<String, RecordTable.Row> r : rows) {
          RecordTable.Row row = r.getValue();
          String id = r.getKey();
          appendText(line, id);
          List<FieldVector> vectors = row.chunk().getFieldVectors();
          for (int i = 0; i < codecs.size(); i++) {
            line.append('\t');
            codecs.get(i).appendCopyText(line, vectors.get(i), row.index(), allocator);
          }
          line.append('\n');
          if (line.length() > 1 << 16) {
            flushCopy(copy, line);
          }
        }
        flushCopy(copy, line);
        copy.endCopy();
      } catch (SQLException | RuntimeException e) {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
        throw e;
      }
      StringBuilder merge =
          new StringBuilder("INSERT INTO ")
              .append(table)
              .append(" (")
              .append(cols)
              .append(") SELECT ")
              .append(cols)
              .append(" FROM ")
              .append(q(stage))
              .append(" ORDER BY ")
              .append(q(ArrowDatabase.RECORD_ID_COLUMN))
              .append(" ON CONFLICT (")
              .append(q(ArrowDatabase.RECORD_ID_COLUMN))
              .append(") DO ");
      if (skip || info.codecs().isEmpty()) {
        merge.append("NOTHING");
      } else {
        merge.append("UPDATE SET ");
        for (int i = 0; i < info.codecs().size(); i++) {
          String col = q(info.codecs().get(i).field().getName());
          merge.append(i == 0 ? "" : ", ").append(col).append(" = EXCLUDED.").append(col);
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute(merge.toString());
        s.execute("TRUNCATE " + q(stage));
      }
    }

    /**
     * The session's staging table for {@code table}: a temporary table created once per connection
     * ({@code ON COMMIT DELETE ROWS}), so a warmed-up flush does no DDL.
     */
    private String stagingTable(Connection c, String table) throws SQLException {
      if (stagedFor != c) {
        staged.clear();
        stagedFor = c;
      }
      String stage = staged.get(table);
      if (stage == null) {
        // Named after the target, so that re-creating it after a rollback is harmless.
        stage = "orcapod_stage_" + TableNames.hash(table);
        try (Statement s = c.createStatement()) {
          s.execute(
              "CREATE TEMP TABLE IF NOT EXISTS "
                  + q(stage)
                  + " (LIKE "
                  + q(table)
                  + ") ON COMMIT DELETE ROWS");
        }
        staged.put(table, stage);
      }
      return stage;
    }

    private static void appendText(StringBuilder out, String s) {
      for (int i = 0; i < s.length(); i++) {
        char ch = s.charAt(i);
        switch (ch) {
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          case '\0' ->
              throw new DatabaseAccessException(
                  "Record id "
                      + s.replace("\0", "\\0")
                      + " contains NUL, which PostgreSQL cannot store");
          default -> out.append(ch);
        }
      }
    }

    private static void flushCopy(CopyIn copy, StringBuilder text) throws SQLException {
      if (text.length() > 0) {
        byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
      }
    }

    @Override
    public void close() {
      discardBroken();
    }
  }
}
