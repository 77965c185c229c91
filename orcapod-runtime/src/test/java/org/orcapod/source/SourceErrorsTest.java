package org.orcapod.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orcapod.error.IncompatibleTypesException;
import org.orcapod.error.MalformedInputException;
import org.orcapod.error.MissingColumnException;
import org.orcapod.error.NoPacketColumnsException;
import org.orcapod.error.OrcapodException;
import org.orcapod.error.UnsupportedTypeException;

/** Every kind of bad source input is a typed exception naming the element and the fix. */
class SourceErrorsTest {
  @TempDir Path dir;

  Path csv(String text) throws IOException {
    Path p = dir.resolve("data.csv");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void missingTagColumnNamesTheColumnAndTheAvailableOnes() {
    try (RootAllocator a = new RootAllocator();
        VectorSchemaRoot t = GoldenSources.people(a)) {
      assertThatThrownBy(
              () -> ArrowTableSource.builder(t, TestContexts.real()).tagColumns("sample").build(a))
          .isInstanceOfSatisfying(
              MissingColumnException.class,
              e -> {
                assertThat(e.column()).isEqualTo("sample");
                assertThat(e.available()).containsExactly("id", "name", "score");
                assertThat(e.id()).isEqualTo("Orcapod/MissingColumn");
              })
          .hasMessageContaining("tag column 'sample'")
          .hasMessageContaining("Fix the column name");
    }
  }

  @Test
  void missingRecordIdColumnIsNamed() {
    try (RootAllocator a = new RootAllocator();
        VectorSchemaRoot t = GoldenSources.people(a)) {
      assertThatThrownBy(
              () ->
                  ArrowTableSource.builder(t, TestContexts.real())
                      .tagColumns("id")
                      .recordIdColumn("uid")
                      .build(a))
          .isInstanceOf(MissingColumnException.class)
          .hasMessageContaining("record_id column 'uid'");
    }
  }

  @Test
  void zeroPacketColumnsIsRejected() {
    try (RootAllocator a = new RootAllocator();
        VectorSchemaRoot t = GoldenSources.people(a)) {
      assertThatThrownBy(
              () ->
                  ArrowTableSource.builder(t, TestContexts.real())
                      .tagColumns("id", "name", "score")
                      .build(a))
          .isInstanceOfSatisfying(
              NoPacketColumnsException.class,
              e -> assertThat(e.tagColumns()).containsExactly("id", "name", "score"))
          .hasMessageContaining("declare fewer tag columns");
    }
  }

  @Test
  void malformedCsvCellNamesFileLineAndColumn() throws IOException {
    Path file = csv("id,value\n1,0.5\n2,abc\n");
    try (RootAllocator a = new RootAllocator()) {
      List<org.apache.arrow.vector.types.pojo.Field> schema =
          List.of(
              GoldenSources.field("id", GoldenSources.INT64, false),
              GoldenSources.field("value", GoldenSources.FLOAT64, false));
      assertThatThrownBy(
              () ->
                  CsvSource.builder(file, TestContexts.real())
                      .tagColumns("id")
                      .schema(schema)
                      .build(a))
          .isInstanceOfSatisfying(
              MalformedInputException.class,
              e -> {
                assertThat(e.source()).isEqualTo(file.toString());
                assertThat(e.line()).isEqualTo(3);
                assertThat(e.column()).isEqualTo("value");
              })
          .hasMessageContaining("line 3, column 'value'")
          .hasMessageContaining("cell 'abc'");
    }
  }

  @Test
  void csvRowWithTooFewCellsNamesTheLine() throws IOException {
    Path file = csv("id,name,value\n1,a,0.5\n\n2,b\n");
    try (RootAllocator a = new RootAllocator()) {
      assertThatThrownBy(
              () -> CsvSource.builder(file, TestContexts.real()).tagColumns("id").build(a))
          .isInstanceOfSatisfying(
              MalformedInputException.class, e -> assertThat(e.line()).isEqualTo(4))
          .hasMessageContaining("the row has 2 cells but the header has 3 columns");
    }
  }

  @Test
  void nullInNonNullableDeclaredCsvColumnIsNamed() throws IOException {
    Path file = csv("id,value\n1,\n");
    try (RootAllocator a = new RootAllocator()) {
      assertThatThrownBy(
              () ->
                  CsvSource.builder(file, TestContexts.real())
                      .tagColumns("id")
                      .schema(
                          List.of(
                              GoldenSources.field("id", GoldenSources.INT64, false),
                              GoldenSources.field("value", GoldenSources.FLOAT64, false)))
                      .build(a))
          .isInstanceOf(MalformedInputException.class)
          .hasMessageContaining("line 2, column 'value'")
          .hasMessageContaining("declare the column nullable");
    }
  }

  @Test
  void csvSchemaColumnMissingFromHeaderIsNamed() throws IOException {
    Path file = csv("id,value\n1,2\n");
    try (RootAllocator a = new RootAllocator()) {
      assertThatThrownBy(
              () ->
                  CsvSource.builder(file, TestContexts.real())
                      .tagColumns("id")
                      .schema(
                          List.of(
                              GoldenSources.field("id", GoldenSources.INT64, false),
                              GoldenSources.field("score", GoldenSources.FLOAT64, true)))
                      .build(a))
          .isInstanceOf(MissingColumnException.class)
          .hasMessageContaining("'score'")
          .hasMessageContaining("[id, value]");
    }
  }

  @Test
  void unclosedQuoteNamesTheLineWhereTheRecordStarts() throws IOException {
    Path file = csv("id,name\n1,\"abc\n2,def\n");
    try (RootAllocator a = new RootAllocator()) {
      assertThatThrownBy(
              () -> CsvSource.builder(file, TestContexts.real()).tagColumns("id").build(a))
          .isInstanceOfSatisfying(
              MalformedInputException.class, e -> assertThat(e.line()).isEqualTo(2))
          .hasMessageContaining("quoted field is not closed");
    }
  }

  @Test
  void dictValuesOfIncompatibleTypesNameTheColumn() {
    try (RootAllocator a = new RootAllocator()) {
      assertThatThrownBy(
              () ->
                  DictSource.of(
                      List.of(Map.of("id", 1L, "x", "a"), Map.of("id", 2L, "x", true)),
                      List.of("id"),
                      null,
                      TestContexts.real(),
                      a))
          .isInstanceOf(IncompatibleTypesException.class)
          .hasMessageContaining("column 'x'");
    }
  }

  @Test
  void jdbcColumnOfUnsupportedTypeIsNamed() throws Exception {
    org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
    ds.setUrl("jdbc:sqlite:" + dir.resolve("t.db"));
    try (var c = ds.getConnection();
        var st = c.createStatement()) {
      st.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, at TIMESTAMP)");
      st.execute("INSERT INTO t VALUES (1, '2024-01-01 00:00:00')");
    }
    try (RootAllocator a = new RootAllocator()) {
      assertThatThrownBy(() -> JdbcSource.table(ds, "t", TestContexts.real()).build(a))
          .isInstanceOf(UnsupportedTypeException.class)
          .hasMessageContaining("column 'at' of table 't'");
      assertThatThrownBy(
              () -> JdbcSource.query(ds, "SELECT id FROM t", TestContexts.real()).build(a))
          .isInstanceOf(OrcapodException.class)
          .hasMessageContaining("[Orcapod/NoTagColumns]");
    }
  }

  @Test
  void pathToAMissingFileIsNamedWhenHashing() {
    Path missing = dir.resolve("nope.txt");
    try (RootAllocator a = new RootAllocator()) {
      assertThatThrownBy(
              () ->
                  DictSource.of(
                      List.of(Map.of("id", 1L, "f", missing)),
                      List.of("id"),
                      null,
                      TestContexts.real(),
                      a))
          .isInstanceOf(org.orcapod.error.SourceReadException.class)
          .hasMessageContaining("nope.txt")
          .hasMessageContaining("column 'f', row 0");
    }
  }
}
