package org.orcapod.database.sql;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.DatabaseAccessException;
import org.orcapod.database.InvalidRecordsException;
import org.orcapod.database.RecordPath;
import org.orcapod.database.RecordSchemaMismatchException;
import org.orcapod.database.memory.BufferedArrowDatabase;
import org.orcapod.database.memory.IncomingRecords;
import org.orcapod.database.memory.ResultBuilder;

/**
 * Committed storage in SQL tables, one per record path, found through a catalog table {@value
 * #CATALOG} that maps each record path to its table and its exact Arrow schema (as Arrow's JSON
 * schema). Reading and table creation are shared here; each engine writes its own way.
 */
public abstract class JdbcStore implements BufferedArrowDatabase.Store {
  /** The catalog table. */
  public static final String CATALOG = "__orcapod_tables";

  /** A table as the catalog describes it. */
  public record TableInfo(String tableName, Schema schema, List<ColumnCodec> codecs) {}

  /** Something done with a connection. */
  @FunctionalInterface
  protected interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  protected final SqlDialect dialect;
  protected final BufferAllocator allocator;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JdbcStore.class);
  private final Map<RecordPath, TableInfo> known = new ConcurrentHashMap<>();
  private final Set<String> indexed = ConcurrentHashMap.newKeySet();
  private final Map<String, PreparedStatement> statements = new java.util.HashMap<>();
  private @Nullable Connection statementsFor;

  protected JdbcStore(SqlDialect dialect, BufferAllocator allocator) {
    this.dialect = dialect;
    this.allocator = allocator;
  }

  /** Runs {@code work} on a connection in auto-commit mode, for reads. */
  protected abstract <T> T withConnection(SqlWork<T> work);

  /** A short description of where the data lives, for messages. */
  protected abstract String where();

  protected static String q(String identifier) {
    return SqlDialect.quote(identifier);
  }

  protected String catalogDdl() {
    return "CREATE TABLE IF NOT EXISTS "
        + q(CATALOG)
        + " (record_path TEXT PRIMARY KEY, table_name TEXT NOT NULL UNIQUE"
        + (dialect == SqlDialect.SQLITE ? " COLLATE NOCASE" : "")
        + ", arrow_schema TEXT NOT NULL)";
  }

  @Override
  public @Nullable Schema schema(RecordPath path) {
    TableInfo info = lookup(path);
    return info == null ? null : info.schema();
  }

  /** The catalog entry of {@code path}; entries are cached once found (they never change). */
  protected @Nullable TableInfo lookup(RecordPath path) {
    TableInfo info = known.get(path);
    if (info == null) {
      info = withConnection(c -> queryCatalog(c, path));
      if (info != null) {
        known.put(path, info);
      }
    }
    return info;
  }

  protected @Nullable TableInfo queryCatalog(Connection c, RecordPath path) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT table_name, arrow_schema FROM " + q(CATALOG) + " WHERE record_path = ?")) {
      ps.setString(1, path.key());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        Schema schema;
        try {
          schema = Schema.fromJSON(rs.getString(2));
        } catch (java.io.IOException e) {
          throw new DatabaseAccessException(
              "The catalog entry of " + path + " in " + where() + " has an unreadable schema", e);
        }
        return info(rs.getString(1), schema);
      }
    }
  }

  private TableInfo info(String table, Schema schema) {
    List<ColumnCodec> codecs = new ArrayList<>();
    for (Field f : schema.getFields()) {
      codecs.add(new ColumnCodec(f, dialect));
    }
    return new TableInfo(table, schema, List.copyOf(codecs));
  }

  @Override
  public void checkColumns(RecordPath path, Schema schema) {
    Set<String> folded = new HashSet<>();
    for (Field f : schema.getFields()) {
      String name = f.getName();
      if (name.getBytes(StandardCharsets.UTF_8).length > dialect.maxIdentifierBytes()) {
        throw new InvalidRecordsException(
            "Column \""
                + name
                + "\" of "
                + path
                + " is longer than the "
                + dialect.maxIdentifierBytes()
                + " bytes PostgreSQL keeps of a column name; shorten it");
      }
      if (dialect == SqlDialect.SQLITE && !folded.add(name.toLowerCase(Locale.ROOT))) {
        throw new InvalidRecordsException(
            "Columns of "
                + path
                + " differ only in case (\""
                + name
                + "\"), which SQLite treats as the same name; rename one");
      }
    }
  }

  /**
   * Finds or creates the table of {@code path} inside the caller's write transaction, checking that
   * it stores {@code schema}. Callers serialize table creation (SQLite's write lock, PostgreSQL's
   * advisory lock) before calling.
   */
  protected TableInfo ensureTable(Connection c, RecordPath path, Schema schema)
      throws SQLException {
    TableInfo info = queryCatalog(c, path);
    if (info != null) {
      if (!IncomingRecords.sameColumns(info.schema(), schema)) {
        throw new RecordSchemaMismatchException(
            "Records for "
                + path
                + " have columns "
                + schema.getFields()
                + " but another writer stored "
                + info.schema().getFields()
                + " under that path in "
                + where()
                + "; write them under another path");
      }
      return info;
    }
    String name = TableNames.preferredName(path, dialect);
    if (relationExists(c, name)) {
      name = TableNames.uniqueName(path, dialect.maxIdentifierBytes());
    }
    info = info(name, schema);
    StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(q(name)).append(" (");
    ddl.append(q(ArrowDatabase.RECORD_ID_COLUMN)).append(" TEXT PRIMARY KEY");
    for (ColumnCodec codec : info.codecs()) {
      ddl.append(", ").append(q(codec.field().getName())).append(' ').append(codec.sqlType());
    }
    ddl.append(')');
    try (var s = c.createStatement()) {
      s.execute(ddl.toString());
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + q(CATALOG)
                + " (record_path, table_name, arrow_schema) VALUES (?, ?, ?)")) {
      ps.setString(1, path.key());
      ps.setString(2, name);
      ps.setString(3, schema.toJson());
      ps.executeUpdate();
    }
    return info;
  }

  @Override
  public Set<RecordPath> paths() {
    return withConnection(
        c -> {
          Set<RecordPath> out = new HashSet<>();
          try (PreparedStatement ps = c.prepareStatement("SELECT record_path FROM " + q(CATALOG));
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(RecordPath.parseKey(rs.getString(1)));
            }
          }
          return out;
        });
  }

  /** Whether a table (or other relation) of that name already exists. */
  protected abstract boolean relationExists(Connection c, String name) throws SQLException;

  @Override
  public Set<String> read(
      RecordPath path,
      Schema schema,
      @Nullable Collection<String> ids,
      Predicate<String> skip,
      ResultBuilder out) {
    TableInfo info = lookup(path);
    Set<String> appended = new LinkedHashSet<>();
    if (info == null) {
      return appended;
    }
    StringBuilder select = new StringBuilder("SELECT ").append(q(ArrowDatabase.RECORD_ID_COLUMN));
    for (ColumnCodec codec : info.codecs()) {
      select.append(", ").append(q(codec.field().getName()));
    }
    select.append(" FROM ").append(q(info.tableName()));
    return withConnection(
        c -> {
          if (ids == null) {
            decode(statement(c, select.toString()), info, skip, out, appended);
          } else if (ids.size() == 1) {
            // Point lookups are the hot path of result caches: reuse the prepared statement.
            PreparedStatement ps =
                statement(c, select + " WHERE " + q(ArrowDatabase.RECORD_ID_COLUMN) + " = ?");
            ps.setString(1, ids.iterator().next());
            decode(ps, info, skip, out, appended);
          } else {
            forChunks(
                c,
                select.toString(),
                ArrowDatabase.RECORD_ID_COLUMN,
                ids,
                ps -> decode(ps, info, skip, out, appended));
          }
          return appended;
        });
  }

  @Override
  public Set<String> readWhere(
      RecordPath path,
      Schema schema,
      String column,
      Set<String> values,
      Predicate<String> skip,
      ResultBuilder out) {
    TableInfo info = lookup(path);
    Set<String> appended = new LinkedHashSet<>();
    if (info == null || values.isEmpty()) {
      return appended;
    }
    StringBuilder select = new StringBuilder("SELECT ").append(q(ArrowDatabase.RECORD_ID_COLUMN));
    for (ColumnCodec codec : info.codecs()) {
      select.append(", ").append(q(codec.field().getName()));
    }
    select.append(" FROM ").append(q(info.tableName()));
    return withConnection(
        c -> {
          ensureIndex(c, info.tableName(), column);
          forChunks(
              c, select.toString(), column, values, ps -> decode(ps, info, skip, out, appended));
          return appended;
        });
  }

  @Override
  public Set<String> storedIds(RecordPath path, Collection<String> ids) {
    TableInfo info = lookup(path);
    Set<String> found = new HashSet<>();
    if (info == null || ids.isEmpty()) {
      return found;
    }
    String select = "SELECT " + q(ArrowDatabase.RECORD_ID_COLUMN) + " FROM " + q(info.tableName());
    return withConnection(
        c -> {
          forChunks(
              c,
              select,
              ArrowDatabase.RECORD_ID_COLUMN,
              ids,
              ps -> {
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    found.add(rs.getString(1));
                  }
                }
              });
          return found;
        });
  }

  /** Something done with a prepared statement whose parameters are set. */
  @FunctionalInterface
  private interface StatementWork {
    void run(PreparedStatement ps) throws SQLException;
  }

  /**
   * Runs {@code select} restricted to rows whose text {@code column} is one of {@code values}: one
   * {@code = ANY (?)} on PostgreSQL, {@code IN (...)} in chunks of {@value #IN_CHUNK} on SQLite
   * (whose default limit on parameters is 999 in old versions).
   */
  private void forChunks(
      Connection c, String select, String column, Collection<String> values, StatementWork work)
      throws SQLException {
    if (dialect == SqlDialect.POSTGRES) {
      try (PreparedStatement ps =
          c.prepareStatement(select + " WHERE " + q(column) + " = ANY (?)")) {
        ps.setArray(1, c.createArrayOf("text", values.toArray()));
        work.run(ps);
      }
      return;
    }
    List<String> all = new ArrayList<>(values);
    for (int start = 0; start < all.size(); start += IN_CHUNK) {
      List<String> part = all.subList(start, Math.min(all.size(), start + IN_CHUNK));
      StringBuilder sql =
          new StringBuilder(select).append(" WHERE ").append(q(column)).append(" IN (");
      for (int i = 0; i < part.size(); i++) {
        sql.append(i == 0 ? "?" : ", ?");
      }
      sql.append(')');
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < part.size(); i++) {
          ps.setString(i + 1, part.get(i));
        }
        work.run(ps);
      }
    }
  }

  private static final int IN_CHUNK = 500;

  /**
   * Creates, once per store, an index on {@code column} of {@code table} if none exists, so keyed
   * reads of tables written before this version (or by Python orcapod) are indexed too. An index
   * that cannot be made (a read-only file, a lock held too long, a concurrent creator) only costs
   * speed: the failure is logged and the read goes on.
   */
  private void ensureIndex(Connection c, String table, String column) {
    String key = table + "\u0000" + column;
    if (!indexed.add(key)) {
      return;
    }
    String name = "__orcapod_ix_" + TableNames.hash(key);
    String ddl =
        "CREATE INDEX IF NOT EXISTS " + q(name) + " ON " + q(table) + " (" + q(column) + ")";
    try (var s = c.createStatement()) {
      s.execute(ddl);
    } catch (SQLException e) {
      LOG.warn(
          "Could not index column {} of table {} in {} ({}); keyed reads of it scan the table",
          column,
          table,
          where(),
          e.getMessage());
    }
  }

  /**
   * A prepared statement kept for {@code c}; statements are dropped when the store's connection
   * changes. Callers hold the database lock, so statements are never used concurrently.
   */
  protected PreparedStatement statement(Connection c, String sql) throws SQLException {
    if (statementsFor != c) {
      closeStatements();
      statementsFor = c;
    }
    PreparedStatement ps = statements.get(sql);
    if (ps == null || ps.isClosed()) {
      ps = c.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }

  /** Closes the kept statements (before closing or replacing the connection). */
  protected void closeStatements() {
    for (PreparedStatement ps : statements.values()) {
      try {
        ps.close();
      } catch (SQLException e) {
        // The connection is going away anyway.
      }
    }
    statements.clear();
    statementsFor = null;
  }

  private void decode(
      PreparedStatement ps,
      TableInfo info,
      Predicate<String> skip,
      ResultBuilder out,
      Set<String> appended)
      throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      List<ColumnCodec> codecs = info.codecs();
      while (rs.next()) {
        String id = rs.getString(1);
        if (skip.test(id)) {
          continue;
        }
        int row = out.newRow(id);
        for (int i = 0; i < codecs.size(); i++) {
          codecs.get(i).read(rs, i + 2, out.dataVector(i), row, allocator);
        }
        appended.add(id);
      }
    }
  }
}
