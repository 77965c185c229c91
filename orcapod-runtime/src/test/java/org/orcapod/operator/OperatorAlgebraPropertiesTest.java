package org.orcapod.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orcapod.operator.TestTables.longs;
import static org.orcapod.operator.TestTables.rowSet;
import static org.orcapod.operator.TestTables.strings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.orcapod.operator.predicate.Predicate;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.stream.ArrowTableStream;
import org.orcapod.stream.Stream;

/** The algebra of operators the issue asks for, as jqwik properties over random small streams. */
class OperatorAlgebraPropertiesTest {
  private static final ColumnConfig WITH_SYS = ColumnConfig.dataOnly().withSystemTags(true);

  /**
   * A source-like stream: tags {@code id} (null where the drawn id is 3) and (optionally) {@code
   * g}, one packet column named {@code packet}, and system tags named after {@code source}.
   */
  private static ArrowTableStream src(
      BufferAllocator a, String source, String packet, List<Integer> ids, boolean withG) {
    int n = ids.size();
    Object[] id = new Object[n];
    Object[] g = new Object[n];
    Object[] p = new Object[n];
    Object[] sid = new Object[n];
    Object[] rid = new Object[n];
    for (int i = 0; i < n; i++) {
      // id 3 stands for a null key, which never matches
      id[i] = ids.get(i) == 3 ? null : (long) ids.get(i);
      g[i] = ids.get(i) % 2 == 0 ? "even" : "odd";
      p[i] = (long) (i * 7 + ids.get(i));
      sid[i] = source;
      rid[i] = "row_" + i;
    }
    String h = source.substring(0, 1);
    List<String> tags = withG ? List.of("id", "g") : List.of("id");
    List<TestTables.Col> cols = new ArrayList<>();
    cols.add(longs("id", id));
    if (withG) {
      cols.add(strings("g", g));
    }
    cols.add(longs(packet, p));
    cols.add(strings("_tag_source_id::" + h, sid));
    cols.add(strings("_tag_record_id::" + h, rid));
    return TestTables.stream(a, tags, cols.toArray(new TestTables.Col[0]));
  }

  @Property(tries = 60)
  void joinIsCommutative(
      @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 3) Integer> x,
      @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 3) Integer> y,
      @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 3) Integer> z,
      @ForAll boolean gOnSecond) {
    try (BufferAllocator a = new RootAllocator()) {
      OperatorContext ctx = new OperatorContext(new TestTables.StructuralHasher(), a);
      try (ArrowTableStream s1 = src(a, "alpha", "p1", x, false);
          ArrowTableStream s2 = src(a, "beta", "p2", y, gOnSecond);
          ArrowTableStream s3 = src(a, "gamma", "p3", z, true)) {
        List<List<Stream>> orders =
            List.of(
                List.of(s1, s2, s3), List.of(s3, s1, s2), List.of(s2, s3, s1), List.of(s3, s2, s1));
        List<OperatorStream> outs = new ArrayList<>();
        try {
          for (List<Stream> order : orders) {
            outs.add(new Join().process(ctx, order));
          }
          OperatorStream first = outs.get(0);
          for (OperatorStream o : outs) {
            assertThat(rowSet(o, WITH_SYS, a)).isEqualTo(rowSet(first, WITH_SYS, a));
            assertThat(new LinkedHashSet<>(o.keys(WITH_SYS).tag()))
                .isEqualTo(new LinkedHashSet<>(first.keys(WITH_SYS).tag()));
            assertThat(o.result().keys(WITH_SYS)).isEqualTo(first.result().keys(WITH_SYS));
            assertThat(o.contentHash()).isEqualTo(first.contentHash());
            assertThat(o.pipelineHash()).isEqualTo(first.pipelineHash());
          }
        } finally {
          outs.forEach(OperatorStream::close);
        }
      }
    }
  }

  @Property(tries = 60)
  void joinIsAssociativeOnRows(
      @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 3) Integer> x,
      @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 3) Integer> y,
      @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 3) Integer> z,
      @ForAll boolean gOnFirst) {
    try (BufferAllocator a = new RootAllocator()) {
      OperatorContext ctx = new OperatorContext(new TestTables.StructuralHasher(), a);
      try (ArrowTableStream s1 = src(a, "alpha", "p1", x, gOnFirst);
          ArrowTableStream s2 = src(a, "beta", "p2", y, false);
          ArrowTableStream s3 = src(a, "gamma", "p3", z, true);
          OperatorStream ab = new Join().process(ctx, s1, s2);
          OperatorStream abC = new Join().process(ctx, ab, s3);
          OperatorStream bc = new Join().process(ctx, s2, s3);
          OperatorStream aBc = new Join().process(ctx, s1, bc);
          OperatorStream flat = new Join().process(ctx, s1, s2, s3)) {
        assertThat(rowSet(abC, a)).isEqualTo(rowSet(aBc, a)).isEqualTo(rowSet(flat, a));
      }
    }
  }

  private static final List<String> TAGS = List.of("id", "g", "h");
  private static final List<String> PACKETS = List.of("p", "q", "r");

  private static ArrowTableStream wide(BufferAllocator a) {
    return TestTables.stream(
        a,
        TAGS,
        longs("id", 1L, 2L, 2L),
        strings("g", "a", "b", "c"),
        longs("h", 5L, 6L, 7L),
        longs("p", 1L, 2L, 3L),
        longs("q", 4L, 5L, 6L),
        strings("r", "x", "y", "z"),
        strings("_source_p", "s::1::p", "s::2::p", "s::3::p"));
  }

  private static Set<String> intersection(Set<String> x, Set<String> y) {
    Set<String> out = new LinkedHashSet<>(x);
    out.retainAll(y);
    return out;
  }

  @Property(tries = 80)
  void selectAfterSelectIsSelectOfTheIntersection(
      @ForAll @Size(max = 4) Set<@net.jqwik.api.constraints.StringLength(1) String> x,
      @ForAll @Size(max = 4) Set<@net.jqwik.api.constraints.StringLength(1) String> y,
      @ForAll @Size(min = 1, max = 3) Set<@IntRange(min = 0, max = 2) Integer> px,
      @ForAll @Size(min = 1, max = 3) Set<@IntRange(min = 0, max = 2) Integer> py) {
    Set<String> tx = new LinkedHashSet<>();
    for (String s : x) {
      tx.add(TAGS.get(Math.floorMod(s.charAt(0), 3)));
    }
    Set<String> ty = new LinkedHashSet<>();
    for (String s : y) {
      ty.add(TAGS.get(Math.floorMod(s.charAt(0), 3)));
    }
    Set<String> pxs = new LinkedHashSet<>();
    px.forEach(i -> pxs.add(PACKETS.get(i)));
    Set<String> pys = new LinkedHashSet<>();
    py.forEach(i -> pys.add(PACKETS.get(i)));
    net.jqwik.api.Assume.that(!intersection(pxs, pys).isEmpty());
    try (BufferAllocator a = new RootAllocator()) {
      OperatorContext ctx = new OperatorContext(new TestTables.StructuralHasher(), a);
      ColumnConfig all = ColumnConfig.dataOnly().withSource(true).withSystemTags(true);
      try (ArrowTableStream s = wide(a);
          OperatorStream t1 = new SelectTagColumns(tx, false).process(ctx, s);
          OperatorStream t2 = new SelectTagColumns(ty, false).process(ctx, t1);
          OperatorStream t = new SelectTagColumns(intersection(tx, ty), false).process(ctx, s);
          OperatorStream p1 = new SelectPacketColumns(pxs, false).process(ctx, s);
          OperatorStream p2 = new SelectPacketColumns(pys, false).process(ctx, p1);
          OperatorStream p =
              new SelectPacketColumns(intersection(pxs, pys), false).process(ctx, s)) {
        assertThat(t2.keys(all)).isEqualTo(t.keys(all));
        assertThat(rowSet(t2, all, a)).isEqualTo(rowSet(t, all, a));
        assertThat(p2.keys(all)).isEqualTo(p.keys(all));
        assertThat(rowSet(p2, all, a)).isEqualTo(rowSet(p, all, a));
      }
    }
  }

  @Property(tries = 80)
  void dropAfterDropIsDropOfTheUnion(
      @ForAll @Size(max = 3) Set<@IntRange(min = 0, max = 2) Integer> x,
      @ForAll @Size(max = 3) Set<@IntRange(min = 0, max = 2) Integer> y,
      @ForAll @Size(max = 2) Set<@IntRange(min = 0, max = 2) Integer> px,
      @ForAll @Size(max = 2) Set<@IntRange(min = 0, max = 2) Integer> py) {
    Set<String> tx = new LinkedHashSet<>();
    x.forEach(i -> tx.add(TAGS.get(i)));
    Set<String> ty = new LinkedHashSet<>();
    y.forEach(i -> ty.add(TAGS.get(i)));
    Set<String> pxs = new LinkedHashSet<>();
    px.forEach(i -> pxs.add(PACKETS.get(i)));
    Set<String> pys = new LinkedHashSet<>();
    py.forEach(i -> pys.add(PACKETS.get(i)));
    Set<String> tu = new LinkedHashSet<>(tx);
    tu.addAll(ty);
    Set<String> pu = new LinkedHashSet<>(pxs);
    pu.addAll(pys);
    net.jqwik.api.Assume.that(pu.size() < PACKETS.size());
    try (BufferAllocator a = new RootAllocator()) {
      OperatorContext ctx = new OperatorContext(new TestTables.StructuralHasher(), a);
      ColumnConfig all = ColumnConfig.dataOnly().withSource(true).withSystemTags(true);
      try (ArrowTableStream s = wide(a);
          OperatorStream t1 = new DropTagColumns(tx, false).process(ctx, s);
          OperatorStream t2 = new DropTagColumns(ty, false).process(ctx, t1);
          OperatorStream t = new DropTagColumns(tu, false).process(ctx, s);
          OperatorStream p1 = new DropPacketColumns(pxs, false).process(ctx, s);
          OperatorStream p2 = new DropPacketColumns(pys, false).process(ctx, p1);
          OperatorStream p = new DropPacketColumns(pu, false).process(ctx, s)) {
        assertThat(t2.keys(all)).isEqualTo(t.keys(all));
        assertThat(rowSet(t2, all, a)).isEqualTo(rowSet(t, all, a));
        assertThat(p2.keys(all)).isEqualTo(p.keys(all));
        assertThat(rowSet(p2, all, a)).isEqualTo(rowSet(p, all, a));
      }
    }
  }

  @Property(tries = 80)
  void filterIsIdempotent(
      @ForAll @Size(max = 10) List<@IntRange(min = -3, max = 3) Integer> values,
      @ForAll @IntRange(min = -3, max = 3) int bound,
      @ForAll @IntRange(min = 0, max = 5) int shape) {
    Predicate p =
        switch (shape) {
          case 0 -> Predicate.col("v").gt(bound);
          case 1 -> Predicate.col("v").le(bound).negate();
          case 2 -> Predicate.col("v").in(bound, bound + 1).or(Predicate.col("v").lt(-2));
          case 3 -> Predicate.col("v").ne(bound).and(Predicate.col("k").ne("k0"));
          case 4 -> Predicate.col("k").eq("k" + Math.abs(bound));
          default -> Predicate.allOf(List.of());
        };
    int n = values.size();
    Object[] v = new Object[n];
    Object[] k = new Object[n];
    for (int i = 0; i < n; i++) {
      // every third value is null, to exercise three-valued logic
      v[i] = i % 3 == 2 ? null : (long) values.get(i);
      k[i] = "k" + Math.abs(values.get(i));
    }
    try (BufferAllocator a = new RootAllocator()) {
      OperatorContext ctx = new OperatorContext(new TestTables.StructuralHasher(), a);
      try (ArrowTableStream s = TestTables.stream(a, List.of("k"), strings("k", k), longs("v", v));
          OperatorStream once = new Filter(p).process(ctx, s);
          OperatorStream twice = new Filter(p).process(ctx, once)) {
        assertThat(rowSet(twice, a)).isEqualTo(rowSet(once, a));
        assertThat(once.rowCount()).isLessThanOrEqualTo(n);
      }
    }
  }
}
