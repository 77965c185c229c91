package org.orcapod.pipeline.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;
import org.orcapod.error.OrcapodException;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.schema.Schema;
import org.orcapod.source.ArrowTableSource;
import org.orcapod.source.SourceContext;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamSchema;

/** Source binding checks and typed node handles, as generated pipelines use them. */
class TypedPipelineTest {
  record Item(String id, long count) {}

  private static final ArrowType LONG = new ArrowType.Int(64, true);

  private static Field field(String name, ArrowType type, boolean nullable) {
    return new Field(name, new FieldType(nullable, type, null), null);
  }

  private static final StreamSchema DECLARED =
      new StreamSchema(
          Schema.of(List.of(field("id", ArrowType.LargeUtf8.INSTANCE, false))),
          Schema.of(List.of(field("count", LONG, false))));

  private static ArrowTableSource source(
      BufferAllocator allocator, List<Field> fields, List<String> tags) {
    try (VectorSchemaRoot t =
        VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(fields), allocator)) {
      t.allocateNew();
      for (int i = 0; i < 2; i++) {
        for (Field f : fields) {
          if (t.getVector(f.getName()) instanceof LargeVarCharVector v) {
            v.setSafe(i, ("item" + i).getBytes(StandardCharsets.UTF_8));
          } else if (t.getVector(f.getName()) instanceof BigIntVector v) {
            v.setSafe(i, 10L * (i + 1));
          }
        }
      }
      t.setRowCount(2);
      return ArrowTableSource.builder(t, SourceContext.defaultContext())
          .tagColumns(tags)
          .build(allocator);
    }
  }

  private static ArrowTableSource matching(BufferAllocator allocator) {
    return source(
        allocator,
        List.of(field("id", ArrowType.LargeUtf8.INSTANCE, false), field("count", LONG, false)),
        List.of("id"));
  }

  private static void check(Stream s) {
    SourceBindings.check("shop", "items", "shop.Item", DECLARED, s);
  }

  @Test
  void aSourceWithTheDeclaredSchemaPassesAndItsNodeIsReadAsRecords() {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowTableSource items = matching(allocator)) {
      check(items);
      try (Pipeline p = Pipeline.builder("shop", null, allocator).build()) {
        p.add("items", items);
        p.compile();
        TypedNode<Item> node =
            new TypedNode<>(
                p,
                "items",
                Item.class,
                table -> {
                  LargeVarCharVector id =
                      RowReader.column(table, "Item", "id", LargeVarCharVector.class);
                  BigIntVector count = RowReader.column(table, "Item", "count", BigIntVector.class);
                  List<Item> out = new ArrayList<>();
                  for (int i = 0; i < table.getRowCount(); i++) {
                    out.add(new Item(new String(id.get(i), StandardCharsets.UTF_8), count.get(i)));
                  }
                  return out;
                },
                allocator);
        assertThat(node.rows()).containsExactly(new Item("item0", 10), new Item("item1", 20));
        assertThat(node.label()).isEqualTo("items");
        assertThat(node.pipelineHash()).isEqualTo(p.node("items").pipelineHash());
        assertThat(node.contentHash()).isEqualTo(p.node("items").contentHash());
        assertThat(node.stream()).isSameAs(p.node("items").node());
      }
    }
  }

  @Test
  void aReaderMeetingAnotherColumnTypeNamesRecordAndColumn() {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowTableSource items = matching(allocator);
        Pipeline p = Pipeline.builder("shop", null, allocator).build()) {
      p.add("items", items);
      p.compile();
      TypedNode<Item> node =
          new TypedNode<>(
              p,
              "items",
              Item.class,
              table -> {
                RowReader.column(table, "Item", "count", LargeVarCharVector.class);
                return List.of();
              },
              allocator);
      assertThatThrownBy(node::rows)
          .isInstanceOf(OrcapodException.class)
          .hasMessageContaining("[Orcapod/RowSchemaMismatch] cannot read Item rows: column 'count'")
          .hasMessageContaining("LargeVarCharVector");
    }
  }

  @Test
  void eachKindOfSchemaDifferenceNamesNodeColumnAndFix() {
    try (BufferAllocator allocator = new RootAllocator()) {
      Map<String, ArrowTableSource> cases = new LinkedHashMap<>();
      cases.put(
          "missing",
          source(
              allocator,
              List.of(
                  field("id", ArrowType.LargeUtf8.INSTANCE, false), field("total", LONG, false)),
              List.of("id")));
      cases.put(
          "extra",
          source(
              allocator,
              List.of(
                  field("id", ArrowType.LargeUtf8.INSTANCE, false),
                  field("count", LONG, false),
                  field("more", LONG, false)),
              List.of("id")));
      cases.put(
          "role",
          source(
              allocator,
              List.of(
                  field("id", ArrowType.LargeUtf8.INSTANCE, false), field("count", LONG, false)),
              List.of()));
      cases.put(
          "nullable",
          source(
              allocator,
              List.of(field("id", ArrowType.LargeUtf8.INSTANCE, false), field("count", LONG, true)),
              List.of("id")));
      try {
        assertThatThrownBy(() -> check(cases.get("missing")))
            .isInstanceOfSatisfying(
                SourceBindingException.class, e -> assertThat(e.column()).isEqualTo("count"))
            .hasMessageContaining("has no such packet column");
        assertThatThrownBy(() -> check(cases.get("extra")))
            .isInstanceOfSatisfying(
                SourceBindingException.class, e -> assertThat(e.column()).isEqualTo("more"))
            .hasMessageContaining("also has packet column 'more'; drop it from the source");
        assertThatThrownBy(() -> check(cases.get("role")))
            .isInstanceOfSatisfying(
                SourceBindingException.class,
                e -> {
                  assertThat(e.node()).isEqualTo("items");
                  assertThat(e.column()).isEqualTo("id");
                })
            .hasMessageContaining("tag column 'id', but the bound source has it as a packet");
        assertThatThrownBy(() -> check(cases.get("nullable")))
            .isInstanceOfSatisfying(
                SourceBindingException.class,
                e -> assertThat(e.id()).isEqualTo("Orcapod/SourceSchemaMismatch"))
            .hasMessageContaining("non-nullable packet column 'count'")
            .hasMessageContaining("source's column is nullable");
      } finally {
        cases.values().forEach(ArrowTableSource::close);
      }
    }
  }

  @Test
  void unboundSourcesAreAllNamed() {
    Map<String, Stream> sources = new LinkedHashMap<>();
    sources.put("items", null);
    sources.put("prices", null);
    assertThatThrownBy(() -> SourceBindings.requireBound("shop", sources))
        .isInstanceOfSatisfying(
            SourceBindingException.class,
            e -> {
              assertThat(e.id()).isEqualTo("Orcapod/UnboundSource");
              assertThat(e.node()).isEqualTo("items");
              assertThat(e.column()).isNull();
            })
        .hasMessageContaining("unbound source nodes 'items', 'prices'")
        .hasMessageContaining(".items(source).prices(source)");
  }
}
