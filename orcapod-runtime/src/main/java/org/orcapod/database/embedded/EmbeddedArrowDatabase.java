package org.orcapod.database.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.DatabaseAccessException;
import org.orcapod.database.RecordPath;
import org.orcapod.database.memory.BufferedArrowDatabase;
import org.orcapod.database.memory.RecordTable;
import org.orcapod.database.sql.ColumnCodec;
import org.orcapod.database.sql.JdbcStore;
import org.orcapod.database.sql.SqlDialect;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * The default {@link ArrowDatabase}: one SQLite database file (plus its {@code -wal} and {@code
 * -shm} files while open) that needs no server.
 *
 * <p>Each flush is one SQLite transaction in WAL mode with {@code synchronous=FULL}, so a flush
 * that returned survives a killed process and a power cut, and a killed flush leaves nothing
 * behind. Flushes take SQLite's write lock up front ({@code BEGIN IMMEDIATE}); a second process
 * writing the same file waits for it up to the busy timeout and then fails loudly with {@link
 * DatabaseAccessException}. Record ids are the primary key, so lookups use its index and no id is
 * ever stored twice. Do not put the file on a network file system: SQLite's locks need a local one.
 */
public final class EmbeddedArrowDatabase extends BufferedArrowDatabase {
  /** How long a writer waits for another process's write lock by default. */
  public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(60);

  private EmbeddedArrowDatabase(Shared shared, RecordPath basePath, boolean owner) {
    super(shared, basePath, owner);
  }

  /** Opens (creating if needed) the database in {@code file}. */
  public static EmbeddedArrowDatabase open(Path file, BufferAllocator allocator) {
    return open(file, allocator, DEFAULT_BUSY_TIMEOUT);
  }

  /** Opens (creating if needed) the database in {@code file}, waiting up to {@code busyTimeout}. */
  public static EmbeddedArrowDatabase open(
      Path file, BufferAllocator allocator, Duration busyTimeout) {
    Shared shared =
        new Shared(
            allocator,
            "orcapod-embedded-database",
            a -> new SqliteStore(file.toAbsolutePath(), busyTimeout, a));
    return new EmbeddedArrowDatabase(shared, RecordPath.ROOT, true);
  }

  @Override
  protected ArrowDatabase view(Shared shared, RecordPath basePath) {
    return new EmbeddedArrowDatabase(shared, basePath, false);
  }

  /** One connection, used under the database lock. */
  static final class SqliteStore extends JdbcStore {
    private final Path file;
    private final Duration busyTimeout;
    private final Connection connection;

    SqliteStore(Path file, Duration busyTimeout, BufferAllocator allocator) {
      super(SqlDialect.SQLITE, allocator);
      this.file = file;
      this.busyTimeout = busyTimeout;
      try {
        Path parent = file.getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        config.enforceForeignKeys(false);
        connection = config.createConnection("jdbc:sqlite:" + file);
      } catch (SQLException | java.io.IOException e) {
        throw new DatabaseAccessException("Cannot open the database file " + file + ": " + e, e);
      }
      try {
        inTransaction(
            c -> {
              try (Statement s = c.createStatement()) {
                s.execute(catalogDdl());
              }
              return null;
            });
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }

    @Override
    protected String where() {
      return file.toString();
    }

    @Override
    protected <T> T withConnection(SqlWork<T> work) {
      try {
        return work.run(connection);
      } catch (SQLException e) {
        throw failure("read", e);
      }
    }

    private DatabaseAccessException failure(String what, SQLException e) {
      if (e.getErrorCode() == SQLiteErrorCode.SQLITE_BUSY.code
          || e.getErrorCode() == SQLiteErrorCode.SQLITE_LOCKED.code) {
        return new DatabaseAccessException(
            "Cannot "
                + what
                + " "
                + file
                + ": another process held its lock for more than "
                + busyTimeout
                + "; nothing was written. Retry, or open it with a longer busy timeout",
            e);
      }
      return new DatabaseAccessException("Cannot " + what + " " + file + ": " + e.getMessage(), e);
    }

    /** Runs {@code work} in a {@code BEGIN IMMEDIATE} transaction; all or nothing. */
    private <T> T inTransaction(SqlWork<T> work) {
      try (Statement s = connection.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
      } catch (SQLException e) {
        throw failure("write", e);
      }
      try {
        T result = work.run(connection);
        try (Statement s = connection.createStatement()) {
          s.execute("COMMIT");
        }
        return result;
      } catch (SQLException | RuntimeException e) {
        try (Statement s = connection.createStatement()) {
          s.execute("ROLLBACK");
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        if (e instanceof SQLException sql) {
          throw failure("write", sql);
        }
        throw (RuntimeException) e;
      }
    }

    @Override
    protected boolean relationExists(Connection c, String name) throws SQLException {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT 1 FROM sqlite_master WHERE lower(name) = lower(?)")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    }

    @Override
    public void write(Map<RecordPath, RecordTable> pending) {
      inTransaction(
          c -> {
            for (Map.Entry<RecordPath, RecordTable> e : pending.entrySet()) {
              writeTable(c, e.getKey(), e.getValue());
            }
            return null;
          });
    }

    private void writeTable(Connection c, RecordPath path, RecordTable table) throws SQLException {
      TableInfo info = ensureTable(c, path, table.schema());
      StringBuilder cols = new StringBuilder(q(ArrowDatabase.RECORD_ID_COLUMN));
      StringBuilder marks = new StringBuilder("?");
      for (ColumnCodec codec : info.codecs()) {
        cols.append(", ").append(q(codec.field().getName()));
        marks.append(", ?");
      }
      String into = " INTO " + q(info.tableName()) + " (" + cols + ") VALUES (" + marks + ")";
      try (PreparedStatement ignore = c.prepareStatement("INSERT OR IGNORE" + into);
          PreparedStatement replace = c.prepareStatement("INSERT OR REPLACE" + into)) {
        List<ColumnCodec> codecs = info.codecs();
        List<FieldVector> vectors = new ArrayList<>();
        int ignored = 0;
        int replaced = 0;
        for (Map.Entry<String, RecordTable.Row> e : table.rows().entrySet()) {
          RecordTable.Row row = e.getValue();
          PreparedStatement ps = row.skipExisting() ? ignore : replace;
          ps.setString(1, e.getKey());
          vectors.clear();
          vectors.addAll(row.chunk().getFieldVectors());
          for (int i = 0; i < codecs.size(); i++) {
            codecs.get(i).bind(ps, i + 2, vectors.get(i), row.index(), allocator);
          }
          ps.addBatch();
          if (row.skipExisting()) {
            ignored++;
          } else {
            replaced++;
          }
        }
        if (ignored > 0) {
          ignore.executeBatch();
        }
        if (replaced > 0) {
          replace.executeBatch();
        }
      }
    }

    @Override
    public void close() {
      closeStatements();
      try {
        connection.close();
      } catch (SQLException e) {
        throw new DatabaseAccessException("Cannot close " + file, e);
      }
    }
  }
}
