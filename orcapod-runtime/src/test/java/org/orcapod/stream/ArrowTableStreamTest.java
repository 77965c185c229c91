package org.orcapod.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;
import org.orcapod.datagram.TagPacket;
import org.orcapod.error.MissingColumnException;
import org.orcapod.error.NoPacketColumnsException;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.schema.SystemConstants;
import org.orcapod.source.RowTables;

class ArrowTableStreamTest {
  static final Field ID = new Field("id", FieldType.notNullable(new ArrowType.Int(64, true)), null);
  static final Field NAME =
      new Field("name", FieldType.notNullable(ArrowType.LargeUtf8.INSTANCE), null);
  static final Field SCORE =
      new Field(
          "score",
          FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
          null);
  static final Field SYS =
      new Field("_tag_source_id::abc", FieldType.notNullable(ArrowType.LargeUtf8.INSTANCE), null);
  static final Field SRC =
      new Field("_source_score", FieldType.notNullable(ArrowType.LargeUtf8.INSTANCE), null);
  static final Field META =
      new Field("__version", FieldType.notNullable(ArrowType.LargeUtf8.INSTANCE), null);

  static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static VectorSchemaRoot table(BufferAllocator a) {
    return RowTables.fromMaps(
        List.of(ID, NAME, SCORE, SYS, SRC, META),
        List.of(
            row(
                "id",
                3L,
                "name",
                "c",
                "score",
                3.0,
                "_tag_source_id::abc",
                "s",
                "_source_score",
                "s::r3::score",
                "__version",
                "v1"),
            row(
                "id",
                1L,
                "name",
                "a",
                "score",
                null,
                "_tag_source_id::abc",
                "s",
                "_source_score",
                "s::r1::score",
                "__version",
                "v1"),
            row(
                "id",
                2L,
                "name",
                "b",
                "score",
                2.5,
                "_tag_source_id::abc",
                "s",
                "_source_score",
                "s::r2::score",
                "__version",
                "v1")),
        a);
  }

  static List<String> names(VectorSchemaRoot root) {
    List<String> out = new ArrayList<>();
    for (Field f : root.getSchema().getFields()) {
      out.add(f.getName());
    }
    return out;
  }

  @Test
  void splitsColumnsIntoTagPacketSystemSourceMetaAndContext() {
    try (RootAllocator a = new RootAllocator();
        VectorSchemaRoot t = table(a);
        ArrowTableStream s = ArrowTableStream.of(t, List.of("id"), a)) {
      assertThat(s.tagColumns()).containsExactly("id");
      assertThat(s.systemTagColumns()).containsExactly("_tag_source_id::abc");
      assertThat(s.packetColumns()).containsExactly("name", "score");
      assertThat(s.metaColumns()).containsExactly("__version");
      assertThat(s.keys()).isEqualTo(new StreamKeys(List.of("id"), List.of("name", "score")));
      assertThat(s.keys(ColumnConfig.dataOnly().withSystemTags(true)).tag())
          .containsExactly("id", "_tag_source_id::abc");
      try (VectorSchemaRoot all =
          s.asTable(ColumnConfig.dataOnly().withSource(true).withContext(true), a)) {
        assertThat(names(all))
            .containsExactly(
                "id", "name", "score", "_context_key", "_source_name", "_source_score");
        // a packet column without incoming source info gets an all-null, nullable column
        FieldVector srcName = all.getVector("_source_name");
        assertThat(srcName.getNullCount()).isEqualTo(3);
        assertThat(srcName.getField().isNullable()).isTrue();
        assertThat(ArrowValues.read(all.getVector("_source_score"), 0)).isEqualTo("s::r3::score");
        assertThat(ArrowValues.read(all.getVector("_context_key"), 2))
            .isEqualTo(SystemConstants.DEFAULT_CONTEXT_KEY);
      }
    }
  }

  @Test
  void sortByTagsOrdersRowsAndKeepsRowsTogether() {
    try (RootAllocator a = new RootAllocator();
        VectorSchemaRoot t = table(a);
        ArrowTableStream s = ArrowTableStream.of(t, List.of("id"), a);
        VectorSchemaRoot sorted = s.asTable(ColumnConfig.all().withContentHash(false), a)) {
      List<Object> ids = new ArrayList<>();
      List<Object> names = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ids.add(ArrowValues.read(sorted.getVector("id"), i));
        names.add(ArrowValues.read(sorted.getVector("name"), i));
      }
      assertThat(ids).containsExactly(1L, 2L, 3L);
      assertThat(names).containsExactly("a", "b", "c");
    }
  }

  @Test
  void rowsCarryTagsSystemTagsPacketsSourceInfoAndMeta() {
    try (RootAllocator a = new RootAllocator();
        VectorSchemaRoot t = table(a);
        ArrowTableStream s = ArrowTableStream.of(t, List.of("id"), a)) {
      List<TagPacket> rows = s.rows();
      assertThat(rows).hasSize(3);
      TagPacket first = rows.get(0);
      assertThat(first.tag().data()).containsEntry("id", 3L);
      assertThat(first.tag().systemTags()).containsEntry("_tag_source_id::abc", "s");
      assertThat(first.packet().data()).containsEntry("name", "c").containsEntry("score", 3.0);
      assertThat(first.packet().sourceInfo())
          .containsEntry("score", "s::r3::score")
          .containsEntry("name", null);
      assertThat(first.packet().meta()).containsEntry("__version", "v1");
      assertThat(first.packet().asMap(ColumnConfig.dataOnly().withSource(true)))
          .containsKeys("name", "score", "_source_name", "_source_score");
      assertThat(first.tag().keys(ColumnConfig.all()))
          .contains("_tag_source_id::abc", "_context_key");
    }
  }

  @Test
  void systemTagColumnsParameterRenamesUserColumns() {
    Field batch = new Field("batch", FieldType.notNullable(ArrowType.LargeUtf8.INSTANCE), null);
    try (RootAllocator a = new RootAllocator();
        VectorSchemaRoot t =
            RowTables.fromMaps(
                List.of(ID, batch, NAME), List.of(row("id", 1L, "batch", "b1", "name", "x")), a);
        ArrowTableStream s =
            ArrowTableStream.builder(t, a)
                .tagColumns(List.of("id"))
                .systemTagColumns(List.of("batch"))
                .build()) {
      assertThat(s.systemTagColumns()).containsExactly("_tag_batch");
      assertThat(s.packetColumns()).containsExactly("name");
    }
  }

  @Test
  void missingTagColumnIsATypedErrorNamingTheColumn() {
    try (RootAllocator a = new RootAllocator();
        VectorSchemaRoot t = table(a)) {
      assertThatThrownBy(() -> ArrowTableStream.of(t, List.of("idd"), a))
          .isInstanceOf(MissingColumnException.class)
          .hasMessageContaining("tag column 'idd'")
          .hasMessageContaining("[id, name, score");
    }
  }

  @Test
  void zeroPacketColumnsIsATypedError() {
    try (RootAllocator a = new RootAllocator();
        VectorSchemaRoot t =
            RowTables.fromMaps(List.of(ID, NAME), List.of(row("id", 1L, "name", "x")), a)) {
      assertThatThrownBy(() -> ArrowTableStream.of(t, List.of("id", "name"), a))
          .isInstanceOf(NoPacketColumnsException.class)
          .hasMessageContaining("[Orcapod/NoPacketColumns]")
          .hasMessageContaining("[id, name]");
    }
  }

  @Test
  void streamOutlivesItsInputTableAndFreesEverythingOnClose() {
    try (RootAllocator a = new RootAllocator()) {
      ArrowTableStream s;
      try (VectorSchemaRoot t = table(a)) {
        s = ArrowTableStream.of(t, List.of("id"), a);
      }
      try (s;
          VectorSchemaRoot out = s.asTable(ColumnConfig.dataOnly(), a)) {
        assertThat(ArrowValues.read(out.getVector("name"), 1)).isEqualTo("a");
      }
      assertThat(a.getAllocatedMemory()).isZero();
    }
  }

  /** Golden values of golden/model/streams.json (see its produced_by). */
  @Test
  void rootStreamIdentitiesEqualPythons() throws java.io.IOException {
    com.fasterxml.jackson.databind.JsonNode golden;
    try (java.io.InputStream in = getClass().getResourceAsStream("/golden/model/streams.json")) {
      golden = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
    }
    org.orcapod.context.DataContext ctx = org.orcapod.context.DataContext.defaultContext();
    try (RootAllocator a = new RootAllocator();
        VectorSchemaRoot t =
            RowTables.fromMaps(
                List.of(
                    ID, new Field("x", FieldType.notNullable(ArrowType.LargeUtf8.INSTANCE), null)),
                List.of(row("id", 2L, "x", "b"), row("id", 1L, "x", "a")),
                a);
        ArrowTableStream s =
            ArrowTableStream.builder(t, a)
                .tagColumns(List.of("id"))
                .arrowHasher(ctx.arrowHasher())
                .build();
        VectorSchemaRoot all = s.asTable(ColumnConfig.all(), a)) {
      List<String> expectedColumns = new ArrayList<>();
      golden.get("all_info_columns").forEach(n -> expectedColumns.add(n.asText()));
      assertThat(names(all)).isEqualTo(expectedColumns);
      assertThat(s.contentHash(ctx.semanticHasher()).toString())
          .isEqualTo(golden.get("content_hash").asText());
      assertThat(ctx.semanticHasher().hash(s.pipelineIdentityStructure()).toString())
          .isEqualTo(golden.get("pipeline_hash").asText());
    }
  }

  /** keys, outputSchema and asTable agree for every one of the 2^6 column configurations. */
  @Property(tries = 64)
  void keysSchemaAndTableAgreeUnderEveryConfig(
      @ForAll boolean meta,
      @ForAll boolean context,
      @ForAll boolean source,
      @ForAll boolean systemTags,
      @ForAll boolean sort,
      @ForAll boolean metaByName) {
    ColumnConfig config =
        new ColumnConfig(
            meta,
            metaByName ? Set.of("version") : Set.of(),
            context,
            source,
            systemTags,
            null,
            sort);
    try (RootAllocator a = new RootAllocator();
        VectorSchemaRoot t = table(a);
        ArrowTableStream s = ArrowTableStream.of(t, List.of("id"), a);
        VectorSchemaRoot out = s.asTable(config, a)) {
      StreamKeys keys = s.keys(config);
      List<String> fromKeys = new ArrayList<>(keys.tag());
      fromKeys.addAll(keys.packet());
      assertThat(names(out)).containsExactlyInAnyOrderElementsOf(fromKeys);
      StreamSchema schema = s.outputSchema(config);
      List<Field> fields = new ArrayList<>(schema.tag().fields());
      fields.addAll(schema.packet().fields());
      assertThat(out.getSchema().getFields()).containsExactlyInAnyOrderElementsOf(fields);
      assertThat(names(out).contains("__version")).isEqualTo(meta || metaByName);
      assertThat(names(out).contains("_context_key")).isEqualTo(context);
      assertThat(names(out).contains("_source_score")).isEqualTo(source);
      assertThat(names(out).contains("_tag_source_id::abc")).isEqualTo(systemTags);
      assertThat(out.getRowCount()).isEqualTo(3);
      List<Object> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ids.add(ArrowValues.read(out.getVector("id"), i));
      }
      assertThat(ids).isEqualTo(sort ? List.of(1L, 2L, 3L) : List.of(3L, 1L, 2L));
      assertThat(Arrays.asList(keys.tag().toArray())).startsWith("id");
    }
  }
}
