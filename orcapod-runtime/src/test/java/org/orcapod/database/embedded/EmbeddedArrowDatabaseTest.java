package org.orcapod.database.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.ArrowDatabaseContractTest;
import org.orcapod.database.RecordPath;
import org.orcapod.database.TestTables;

class EmbeddedArrowDatabaseTest extends ArrowDatabaseContractTest {
  @TempDir Path dir;

  @Override
  protected ArrowDatabase open(BufferAllocator allocator) {
    return EmbeddedArrowDatabase.open(dir.resolve("orcapod.db"), allocator);
  }

  @Override
  protected ArrowDatabase reopen(BufferAllocator allocator) {
    return EmbeddedArrowDatabase.open(dir.resolve("orcapod.db"), allocator);
  }

  private Connection sqlite() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("orcapod.db"));
  }

  @Test
  void tablesFollowPythonOrcapodsLayoutAndLookupsUseThePrimaryKeyIndex() throws Exception {
    try (VectorSchemaRoot t = TestTables.single(allocator, "a", 1)) {
      db.at("my-pipeline", "_result").addRecord(RecordPath.of("add.one", "v0"), "id1", t, false);
    }
    db.flush();
    try (Connection c = sqlite();
        Statement s = c.createStatement()) {
      List<String> columns = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery("PRAGMA table_info(\"my_pipeline___result__add_one__v0\")")) {
        while (rs.next()) {
          columns.add(rs.getString("name") + " " + rs.getString("type") + " pk=" + rs.getInt("pk"));
        }
      }
      assertThat(columns)
          .containsExactly("__record_id TEXT pk=1", "name TEXT pk=0", "value INTEGER pk=0");
      try (ResultSet rs =
          s.executeQuery(
              "EXPLAIN QUERY PLAN SELECT * FROM \"my_pipeline___result__add_one__v0\""
                  + " WHERE \"__record_id\" = 'id1'")) {
        rs.next();
        assertThat(rs.getString("detail")).contains("USING INDEX");
      }
      try (ResultSet rs = s.executeQuery("SELECT record_path, table_name FROM __orcapod_tables")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("my-pipeline/_result/add.one/v0");
        assertThat(rs.getString(2)).isEqualTo("my_pipeline___result__add_one__v0");
      }
      try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("wal");
      }
    }
  }

  @Test
  void pathsThatPythonWouldMapToTheSameTableGetSeparateTables() throws Exception {
    try (VectorSchemaRoot t = TestTables.single(allocator, "a", 1)) {
      db.addRecord(RecordPath.of("a.b"), "x", t, false);
      db.addRecord(RecordPath.of("a-b"), "y", t, false);
      db.addRecord(RecordPath.of("A_B"), "z", t, false);
    }
    db.flush();
    assertThat(db.getAllRecords(RecordPath.of("a.b"), "id", allocator))
        .satisfies(
            r -> {
              assertThat(r.getRowCount()).isEqualTo(1);
              assertThat(r.getVector("id").getObject(0).toString()).isEqualTo("x");
              r.close();
            });
    try (VectorSchemaRoot r = db.getAllRecords(RecordPath.of("A_B"), "id", allocator)) {
      assertThat(r.getRowCount()).isEqualTo(1);
      assertThat(r.getVector("id").getObject(0).toString()).isEqualTo("z");
    }
    try (Connection c = sqlite();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT table_name) FROM __orcapod_tables")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(3);
    }
  }
}
