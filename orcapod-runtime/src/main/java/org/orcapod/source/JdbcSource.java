package org.orcapod.source;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;
import org.orcapod.error.MalformedInputException;
import org.orcapod.error.OrcapodException;
import org.orcapod.error.SourceReadException;
import org.orcapod.error.UnsupportedTypeException;
import org.orcapod.schema.ArrowValues;

/**
 * A source over a database table or query read through JDBC (Python orcapod's {@code
 * DBTableSource}). For a table, the tag columns default to its primary key and the source id to the
 * table name; for a query, tag columns must be given and the source id defaults to the query text.
 * Column nullability comes from the database's metadata.
 *
 * <p>Types: integer types → int64, floating types → float64, DECIMAL/NUMERIC → decimal128 with the
 * column's precision and scale, character types → large_utf8, BOOLEAN/BIT → bool, binary types →
 * large_binary, DATE → date32. Other column types are rejected naming the column.
 */
public final class JdbcSource extends RootSource {
  private JdbcSource(SourceStreamBuilder.Result result, SourceContext context) {
    super(result, context);
  }

  @Override
  protected String pythonClassName() {
    return "DBTableSource";
  }

  /** Starts a source over the whole table {@code table}. */
  public static Builder table(DataSource db, String table, SourceContext context) {
    return new Builder(db, table, null, context);
  }

  /** Starts a source over the rows of {@code query}. */
  public static Builder query(DataSource db, String query, SourceContext context) {
    return new Builder(db, null, query, context);
  }

  /**
   * Options of a {@link JdbcSource}: by default the tag columns of a table are its primary-key
   * columns (a query needs them given) and the source id is the table name, or the query text.
   */
  public static final class Builder extends SourceOptions<Builder> {
    private final DataSource db;
    private final @Nullable String table;
    private final @Nullable String query;
    private final SourceContext context;

    private Builder(
        DataSource db, @Nullable String table, @Nullable String query, SourceContext c) {
      this.db = db;
      this.table = table;
      this.query = query;
      this.context = c;
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Reads all rows and builds the source in {@code allocator}.
     *
     * @throws SourceReadException when the database cannot be read
     * @throws OrcapodException ({@code Orcapod/EmptySource}, {@code Orcapod/NoPrimaryKey}) when the
     *     result is empty or a table has no primary key and no tag columns were given
     */
    public JdbcSource build(BufferAllocator allocator) {
      String what = table != null ? "table '" + table + "'" : "query '" + query + "'";
      String sql = table != null ? "SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"" : query;
      try (Connection conn = db.getConnection()) {
        List<String> tags = givenTagColumns();
        if (tags == null) {
          if (table == null) {
            throw new OrcapodException(
                "Orcapod/NoTagColumns",
                "a query source needs explicit tag columns; call tagColumns(...)");
          }
          tags = primaryKey(conn, table);
          if (tags.isEmpty()) {
            throw new OrcapodException(
                "Orcapod/NoPrimaryKey",
                what + " has no primary key columns; call tagColumns(...) to name the tags");
          }
        }
        try (VectorSchemaRoot data = read(conn, sql, what, allocator)) {
          if (data.getRowCount() == 0) {
            throw new OrcapodException(
                "Orcapod/EmptySource", what + " returned no rows; a source needs at least one row");
          }
          String sourceId = givenSourceId();
          String id = sourceId != null ? sourceId : table != null ? table : sql;
          return new JdbcSource(
              new SourceStreamBuilder(context)
                  .build(data, tags, id, givenRecordIdColumn(), givenSystemTagColumns(), allocator),
              context);
        }
      } catch (SQLException e) {
        throw new SourceReadException(what, e.getMessage(), e);
      }
    }
  }

  private static List<String> primaryKey(Connection conn, String table) throws SQLException {
    DatabaseMetaData md = conn.getMetaData();
    TreeMap<Short, String> cols = new TreeMap<>();
    try (ResultSet rs = md.getPrimaryKeys(null, null, table)) {
      while (rs.next()) {
        cols.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    return new ArrayList<>(cols.values());
  }

  static VectorSchemaRoot read(Connection conn, String sql, String what, BufferAllocator alloc)
      throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      int n = md.getColumnCount();
      List<Field> fields = new ArrayList<>();
      for (int c = 1; c <= n; c++) {
        fields.add(field(md, c, what));
      }
      VectorSchemaRoot root =
          VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(fields), alloc);
      try {
        root.allocateNew();
        List<FieldVector> vectors = root.getFieldVectors();
        int row = 0;
        while (rs.next()) {
          for (int c = 1; c <= n; c++) {
            set(vectors.get(c - 1), row, rs, c, what);
          }
          row++;
        }
        for (FieldVector v : vectors) {
          v.setValueCount(row);
        }
        root.setRowCount(row);
        return root;
      } catch (RuntimeException | SQLException e) {
        root.close();
        throw e;
      }
    }
  }

  private static Field field(ResultSetMetaData md, int c, String what) throws SQLException {
    String name = md.getColumnLabel(c);
    boolean nullable = md.isNullable(c) != ResultSetMetaData.columnNoNulls;
    ArrowType type;
    switch (md.getColumnType(c)) {
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT ->
          type = new ArrowType.Int(64, true);
      case Types.DOUBLE, Types.FLOAT, Types.REAL ->
          type = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case Types.DECIMAL, Types.NUMERIC -> {
        int p = md.getPrecision(c);
        int s = md.getScale(c);
        type = new ArrowType.Decimal(p <= 0 || p > 38 ? 38 : p, Math.max(s, 0), 128);
      }
      case Types.CHAR,
          Types.VARCHAR,
          Types.LONGVARCHAR,
          Types.NCHAR,
          Types.NVARCHAR,
          Types.LONGNVARCHAR,
          Types.CLOB,
          Types.NCLOB ->
          type = ArrowType.LargeUtf8.INSTANCE;
      case Types.BOOLEAN, Types.BIT -> type = ArrowType.Bool.INSTANCE;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
          type = ArrowType.LargeBinary.INSTANCE;
      case Types.DATE -> type = new ArrowType.Date(DateUnit.DAY);
      default ->
          throw new UnsupportedTypeException(
              "column '" + name + "' of " + what,
              md.getColumnTypeName(c),
              "Cast it in the query to an integer, floating, decimal, text, boolean, binary or"
                  + " date type.");
    }
    return new Field(name, new FieldType(nullable, type, null), null);
  }

  private static void set(FieldVector v, int row, ResultSet rs, int c, String what)
      throws SQLException {
    Object value;
    if (v instanceof BigIntVector) {
      long x = rs.getLong(c);
      value = rs.wasNull() ? null : x;
    } else if (v instanceof Float8Vector) {
      double x = rs.getDouble(c);
      value = rs.wasNull() ? null : x;
    } else if (v instanceof BitVector) {
      boolean x = rs.getBoolean(c);
      value = rs.wasNull() ? null : x;
    } else if (v instanceof LargeVarCharVector) {
      value = rs.getString(c);
    } else if (v instanceof LargeVarBinaryVector) {
      value = rs.getBytes(c);
    } else if (v.getField().getType() instanceof ArrowType.Decimal) {
      BigDecimal x = rs.getBigDecimal(c);
      value = x;
    } else {
      java.sql.Date d = rs.getDate(c);
      value = d == null ? null : d.toLocalDate();
    }
    if (value == null && !v.getField().isNullable()) {
      throw new MalformedInputException(
          what, row + 1, v.getName(), "NULL in a column the database declares NOT NULL");
    }
    ArrowValues.write(v, row, value);
  }
}
