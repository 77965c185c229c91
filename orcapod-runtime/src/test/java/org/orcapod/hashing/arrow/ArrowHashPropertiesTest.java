package org.orcapod.hashing.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.orcapod.hashing.ContentHash;
import org.orcapod.hashing.arrow.TestTables.Column;
import org.orcapod.hashing.arrow.TestTables.Kind;

/** Invariants of the arrow_v0.1 hash over generated tables of every column kind, with nulls. */
class ArrowHashPropertiesTest {
  private final StarfixArrowHasher hasher = new StarfixArrowHasher();

  private ContentHash hash(List<Column> columns, List<Integer> cuts) {
    int rows = columns.get(0).values().size();
    try (BufferAllocator allocator = new RootAllocator()) {
      List<VectorSchemaRoot> batches = new ArrayList<>();
      try {
        int from = 0;
        for (int cut : cuts) {
          int to = Math.min(Math.max(cut, from), rows);
          batches.add(TestTables.batch(allocator, columns, from, to));
          from = to;
        }
        batches.add(TestTables.batch(allocator, columns, from, rows));
        return hasher.hashTable(batches);
      } finally {
        batches.forEach(VectorSchemaRoot::close);
      }
    }
  }

  private ContentHash hash(List<Column> columns) {
    return hash(columns, List.of());
  }

  // ------------------------------------------------------------------ generators

  private static Arbitrary<Object> value(Kind kind) {
    return switch (kind) {
      case INT32 -> Arbitraries.integers().map(i -> (Object) i);
      case INT64 -> Arbitraries.longs().map(i -> (Object) i);
      case FLOAT64 ->
          Arbitraries.oneOf(
              Arbitraries.doubles().map(d -> (Object) d),
              Arbitraries.of(Double.NaN, -0.0, Double.POSITIVE_INFINITY).map(d -> (Object) d));
      case UTF8, LARGE_UTF8 -> Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s);
      case BINARY, LARGE_BINARY ->
          Arbitraries.bytes().array(byte[].class).ofMaxSize(12).map(b -> (Object) b);
      case BOOL -> Arbitraries.of(true, false).map(b -> (Object) b);
      case LIST_INT32 ->
          Arbitraries.integers()
              .between(-5, 5)
              .injectNull(0.2)
              .list()
              .ofMaxSize(4)
              .map(l -> (Object) l);
      case STRUCT_INT32_UTF8 ->
          Combinators.combine(
                  Arbitraries.integers().injectNull(0.2),
                  Arbitraries.strings().alpha().ofMaxLength(5).injectNull(0.2))
              .as((a, b) -> (Object) new Object[] {a, b});
    };
  }

  private static Arbitrary<List<Object>> values(Kind kind, int rows) {
    return value(kind).injectNull(0.2).list().ofSize(rows);
  }

  @Provide
  Arbitrary<List<Column>> tables() {
    return Arbitraries.integers()
        .between(0, 40)
        .flatMap(
            rows ->
                Arbitraries.of(Kind.values())
                    .list()
                    .ofMinSize(1)
                    .ofMaxSize(5)
                    .flatMap(
                        kinds -> {
                          List<Arbitrary<Column>> cols = new ArrayList<>();
                          for (int i = 0; i < kinds.size(); i++) {
                            Kind k = kinds.get(i);
                            String name = "c" + i + "_" + k.name().toLowerCase();
                            cols.add(values(k, rows).map(v -> new Column(name, k, true, v)));
                          }
                          return Combinators.combine(cols).as(l -> l);
                        }));
  }

  // ------------------------------------------------------------------ properties

  @Property(tries = 60)
  void columnOrderDoesNotMatter(@ForAll("tables") List<Column> table, @ForAll long seed) {
    List<Column> shuffled = new ArrayList<>(table);
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(hash(shuffled)).isEqualTo(hash(table));
  }

  @Property(tries = 60)
  void batchSplitDoesNotMatter(
      @ForAll("tables") List<Column> table,
      @ForAll @Size(max = 4) List<@IntRange(min = 0, max = 40) Integer> cuts) {
    List<Integer> sorted = new ArrayList<>(cuts);
    Collections.sort(sorted);
    assertThat(hash(table, sorted)).isEqualTo(hash(table));
  }

  @Property(tries = 40)
  void utf8EqualsLargeUtf8AndBinaryEqualsLargeBinary(
      @ForAll("stringRows") List<Object> strings, @ForAll("binaryRows") List<Object> bytes) {
    assertThat(hash(List.of(new Column("s", Kind.UTF8, true, strings))))
        .isEqualTo(hash(List.of(new Column("s", Kind.LARGE_UTF8, true, strings))));
    assertThat(hash(List.of(new Column("b", Kind.BINARY, true, bytes))))
        .isEqualTo(hash(List.of(new Column("b", Kind.LARGE_BINARY, true, bytes))));
  }

  @Provide
  Arbitrary<List<Object>> stringRows() {
    return Arbitraries.integers().between(0, 30).flatMap(n -> values(Kind.UTF8, n));
  }

  @Provide
  Arbitrary<List<Object>> binaryRows() {
    return Arbitraries.integers().between(0, 30).flatMap(n -> values(Kind.BINARY, n));
  }

  @Property(tries = 40)
  void nullPositionMatters(
      @ForAll @Size(min = 2, max = 30) List<Long> values,
      @ForAll @UniqueElements @Size(2) List<@IntRange(min = 0, max = 29) Integer> positions) {
    int n = values.size();
    int i = positions.get(0) % n;
    int j = positions.get(1) % n;
    if (i == j) {
      j = (i + 1) % n;
    }
    List<Object> a = new ArrayList<>(values);
    List<Object> b = new ArrayList<>(values);
    a.set(i, null);
    b.set(j, null);
    assertThat(hash(List.of(new Column("x", Kind.INT64, true, a))))
        .isNotEqualTo(hash(List.of(new Column("x", Kind.INT64, true, b))));
  }

  @Property(tries = 30)
  void nullabilityFlagMatters(@ForAll @Size(max = 20) List<Integer> values) {
    List<Object> v = new ArrayList<>(values);
    assertThat(hash(List.of(new Column("x", Kind.INT32, true, v))))
        .isNotEqualTo(hash(List.of(new Column("x", Kind.INT32, false, v))));
  }

  @Property(tries = 30)
  void int32DiffersFromInt64(@ForAll @Size(max = 20) List<Integer> values) {
    List<Object> v = new ArrayList<>(values);
    assertThat(hash(List.of(new Column("x", Kind.INT32, true, v))))
        .isNotEqualTo(hash(List.of(new Column("x", Kind.INT64, true, v))));
  }

  @Property(tries = 20)
  void rowOrderMatters(@ForAll @Size(min = 2, max = 20) @UniqueElements List<Long> values) {
    List<Object> v = new ArrayList<>(values);
    List<Object> reversed = new ArrayList<>(v);
    Collections.reverse(reversed);
    assertThat(hash(List.of(new Column("x", Kind.INT64, false, v))))
        .isNotEqualTo(hash(List.of(new Column("x", Kind.INT64, false, reversed))));
  }
}
