package org.orcapod.database.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.ArrowDatabaseContractTest;
import org.orcapod.database.InvalidRecordsException;
import org.orcapod.database.RecordPath;
import org.orcapod.database.TestTables;
import org.orcapod.testing.PostgresAvailable;
import org.orcapod.testing.RequiresPostgres;
import org.orcapod.testing.TestSchemas;
import org.postgresql.ds.PGSimpleDataSource;

@RequiresPostgres
class PostgresArrowDatabaseTest extends ArrowDatabaseContractTest {
  private String schema;

  @Override
  protected ArrowDatabase open(BufferAllocator allocator) throws Exception {
    if (schema == null) {
      schema = TestSchemas.create();
    }
    return PostgresArrowDatabase.open(PostgresAvailable.dataSource(schema), allocator);
  }

  @Override
  protected ArrowDatabase reopen(BufferAllocator allocator) {
    return PostgresArrowDatabase.open(PostgresAvailable.dataSource(schema), allocator);
  }

  @Override
  protected void cleanUp() throws Exception {
    if (schema != null) {
      TestSchemas.drop(schema);
    }
  }

  private Connection connect() throws Exception {
    PGSimpleDataSource ds = PostgresAvailable.dataSource(schema);
    return ds.getConnection();
  }

  @Test
  void tablesFollowPythonOrcapodsLayout() throws Exception {
    try (VectorSchemaRoot t = TestTables.allTypes(allocator)) {
      db.at("my-pipeline").addRecords(RecordPath.of("fn"), t, "id", false);
    }
    db.flush();
    List<String> columns = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT column_name, data_type FROM information_schema.columns"
                    + " WHERE table_schema = current_schema() AND table_name = 'my_pipeline__fn'"
                    + " ORDER BY ordinal_position")) {
      while (rs.next()) {
        columns.add(rs.getString(1) + " " + rs.getString(2));
      }
    }
    assertThat(columns)
        .startsWith("__record_id text", "i8 smallint", "i16 smallint", "i32 integer", "i64 bigint")
        .contains("u64 numeric", "f32 real", "f64 double precision", "flag boolean")
        .contains("text text", "bin bytea", "day date", "dec numeric", "s bytea", "l bytea");
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid"
                    + " AND a.attnum = ANY (i.indkey)"
                    + " WHERE i.indrelid = 'my_pipeline__fn'::regclass AND i.indisprimary")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("__record_id"); // record-id lookups use this index
      assertThat(rs.next()).isFalse();
    }
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT i64, text, day, dec FROM my_pipeline__fn WHERE __record_id = 'row2'")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(-1);
      assertThat(rs.getString(2)).isEqualTo("emoji \uD83D\uDE00");
      assertThat(rs.getString(3)).isEqualTo("2022-01-08");
    }
  }

  @Test
  void hostileNamesAreQuotedNotExecuted() throws Exception {
    String evilColumn = "x\"); DROP TABLE \"__orcapod_tables\"; --";
    String evilPath = "p'; DROP SCHEMA public CASCADE; --";
    Schema s =
        new Schema(
            List.of(
                Field.nullable("id", ArrowType.Utf8.INSTANCE),
                Field.nullable(evilColumn, new ArrowType.Int(64, true)),
                Field.nullable("Mixed Case \"q\"", ArrowType.Utf8.INSTANCE)));
    try (VectorSchemaRoot t = VectorSchemaRoot.create(s, allocator)) {
      t.allocateNew();
      ((VarCharVector) t.getVector(0)).setSafe(0, "'); DELETE FROM x; --".getBytes());
      ((BigIntVector) t.getVector(1)).setSafe(0, 7);
      ((VarCharVector) t.getVector(2)).setSafe(0, "\\N\t\n'\"".getBytes());
      t.setRowCount(1);
      db.at("pipe\"line", "label; DROP").addRecords(RecordPath.of(evilPath), t, "id", false);
    }
    db.flush();
    try (VectorSchemaRoot r =
        db.at("pipe\"line", "label; DROP")
            .getRecordById(RecordPath.of(evilPath), "'); DELETE FROM x; --", "rid", allocator)) {
      assertThat(r).isNotNull();
      assertThat(r.getVector(evilColumn).getObject(0)).isEqualTo(7L);
      assertThat(r.getVector("Mixed Case \"q\"").getObject(0).toString()).isEqualTo("\\N\t\n'\"");
    }
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM __orcapod_tables")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void columnNamesPostgresWouldTruncateAreRejectedBeforeWriting() {
    String longName = "c".repeat(64);
    Schema s =
        new Schema(
            List.of(
                Field.nullable("id", ArrowType.Utf8.INSTANCE),
                Field.nullable(longName, new ArrowType.Int(64, true))));
    try (VectorSchemaRoot t = VectorSchemaRoot.create(s, allocator)) {
      t.allocateNew();
      ((VarCharVector) t.getVector(0)).setSafe(0, "a".getBytes());
      t.setRowCount(1);
      assertThatThrownBy(() -> db.addRecords(RecordPath.of("p"), t, "id", false))
          .isInstanceOf(InvalidRecordsException.class)
          .hasMessageContaining(longName)
          .hasMessageContaining("63 bytes");
    }
    assertThat(db.getAllRecords(RecordPath.of("p"), null, allocator)).isNull();
  }

  @Test
  void longPathsGetAHashedTableNameWithinPostgresLimit() throws Exception {
    RecordPath path = RecordPath.of("a".repeat(40), "b".repeat(40));
    try (VectorSchemaRoot t = TestTables.single(allocator, "n", 1)) {
      db.addRecord(path, "x", t, false);
    }
    db.flush();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT table_name FROM __orcapod_tables")) {
      rs.next();
      assertThat(rs.getString(1)).hasSizeLessThanOrEqualTo(63).startsWith("aaaa");
    }
    try (VectorSchemaRoot r = db.getAllRecords(path, "id", allocator)) {
      assertThat(TestTables.rows(r, "id")).isEqualTo(Map.of("x", "n|1"));
    }
  }
}
