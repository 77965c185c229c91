package org.orcapod.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orcapod.operator.TestTables.longs;
import static org.orcapod.operator.TestTables.rowSet;
import static org.orcapod.operator.TestTables.stream;
import static org.orcapod.operator.TestTables.strings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orcapod.error.DuplicateColumnException;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.stream.ArrowTableStream;
import org.orcapod.stream.Identity;

class MapTest extends OperatorTestBase {
  private static final ColumnConfig SOURCE_SYS =
      ColumnConfig.dataOnly().withSource(true).withSystemTags(true);

  ArrowTableStream s() {
    return stream(
        allocator,
        List.of("id", "g"),
        longs("id", 1L),
        strings("g", "a"),
        longs("x", 10L),
        longs("y", 100L),
        strings("_tag_record_id::q", "r"),
        strings("_source_x", "q::1::x"));
  }

  void assertPredictionMatches(OperatorStream o) {
    for (boolean sys : new boolean[] {false, true}) {
      ColumnConfig c = ColumnConfig.dataOnly().withSystemTags(sys);
      assertThat(o.outputSchema(c)).isEqualTo(o.result().outputSchema(c));
    }
  }

  @Test
  void mapTagsRenamesAndOptionallyDropsUnmapped() {
    try (ArrowTableStream s = s();
        OperatorStream keep = new MapTags(Map.of("id", "key")).process(ctx, s);
        OperatorStream drop = new MapTags(Map.of("id", "key"), true).process(ctx, s)) {
      assertThat(keep.keys(SOURCE_SYS).tag()).containsExactly("key", "g", "_tag_record_id::q");
      assertThat(drop.keys(SOURCE_SYS).tag()).containsExactly("key", "_tag_record_id::q");
      assertThat(rowSet(drop, allocator)).containsExactly("{key=1, x=10, y=100}");
      assertPredictionMatches(keep);
      assertPredictionMatches(drop);
    }
  }

  @Test
  void mapPacketsRenamesSourceInfoAlong() {
    try (ArrowTableStream s = s();
        OperatorStream o = new MapPackets(Map.of("x", "z")).process(ctx, s);
        OperatorStream d = new MapPackets(Map.of("x", "z"), true).process(ctx, s)) {
      assertThat(o.keys(SOURCE_SYS).packet()).containsExactly("z", "y", "_source_z", "_source_y");
      assertThat(rowSet(o, SOURCE_SYS, allocator).get(0)).contains("_source_z=q::1::x");
      assertThat(d.keys().packet()).containsExactly("z");
      assertPredictionMatches(o);
      assertPredictionMatches(d);
    }
  }

  @Test
  void mapWithNothingToRenameReturnsInput() {
    try (ArrowTableStream s = s();
        OperatorStream o = new MapPackets(Map.of("nope", "z")).process(ctx, s)) {
      assertThat(o.result()).isSameAs(s);
    }
  }

  @Test
  void renamesThatCollideAreRejectedNamingTheColumn() {
    try (ArrowTableStream s = s()) {
      assertThatThrownBy(() -> new MapTags(Map.of("id", "g")).process(ctx, s))
          .isInstanceOf(DuplicateColumnException.class)
          .hasMessageContaining("'g'");
      assertThatThrownBy(() -> new MapTags(Map.of("id", "x")).process(ctx, s))
          .isInstanceOf(DuplicateColumnException.class)
          .hasMessageContaining("'x'")
          .hasMessageContaining("other kind");
      assertThatThrownBy(() -> new MapPackets(Map.of("x", "y")).process(ctx, s))
          .isInstanceOf(DuplicateColumnException.class)
          .hasMessageContaining("'y'");
      Map<String, String> twoToOne = new LinkedHashMap<>();
      twoToOne.put("x", "w");
      twoToOne.put("y", "w");
      assertThatThrownBy(() -> new MapPackets(twoToOne).process(ctx, s))
          .isInstanceOf(DuplicateColumnException.class)
          .hasMessageContaining("two columns");
    }
  }

  @Test
  void swappingNamesIsAllowed() {
    Map<String, String> swap = new LinkedHashMap<>();
    swap.put("x", "y");
    swap.put("y", "x");
    try (ArrowTableStream s = s();
        OperatorStream o = new MapPackets(swap).process(ctx, s)) {
      assertThat(rowSet(o, allocator)).containsExactly("{g=a, id=1, x=100, y=10}");
    }
  }

  @Test
  void identityStructures() {
    assertThat(new MapTags(Map.of("a", "b"), true).identityStructure())
        .isEqualTo(Identity.tuple("MapTags", Map.of("a", "b"), true));
    assertThat(new MapPackets(Map.of("a", "b")).identityStructure())
        .isEqualTo(Identity.tuple("MapPackets", Map.of("a", "b"), false));
  }
}
