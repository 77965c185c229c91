package org.orcapod.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orcapod.operator.TestTables.longs;
import static org.orcapod.operator.TestTables.rowSet;
import static org.orcapod.operator.TestTables.stream;
import static org.orcapod.operator.TestTables.strings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.orcapod.error.MissingColumnException;
import org.orcapod.error.NoPacketColumnsException;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.stream.ArrowTableStream;
import org.orcapod.stream.Identity;

class ColumnSelectionTest extends OperatorTestBase {
  private static final ColumnConfig SOURCE_SYS =
      ColumnConfig.dataOnly().withSource(true).withSystemTags(true);

  ArrowTableStream s() {
    return stream(
        allocator,
        List.of("id", "g"),
        longs("id", 1L, 2L),
        strings("g", "a", "b"),
        longs("x", 10L, 20L),
        longs("y", 100L, 200L),
        strings("_tag_source_id::q", "q", "q"),
        strings("_source_x", "q::1::x", "q::2::x"),
        strings("_source_y", "q::1::y", "q::2::y"));
  }

  void assertPredictionMatches(OperatorStream o) {
    for (boolean sys : new boolean[] {false, true}) {
      ColumnConfig c = ColumnConfig.dataOnly().withSystemTags(sys);
      assertThat(o.outputSchema(c)).isEqualTo(o.result().outputSchema(c));
    }
  }

  @Test
  void selectTagColumnsKeepsNamedTagsAndEverythingElse() {
    try (ArrowTableStream s = s();
        OperatorStream o = new SelectTagColumns(List.of("g")).process(ctx, s)) {
      assertThat(o.keys(SOURCE_SYS).tag()).containsExactly("g", "_tag_source_id::q");
      assertThat(o.keys().packet()).containsExactly("x", "y");
      assertThat(rowSet(o, allocator)).containsExactly("{g=a, x=10, y=100}", "{g=b, x=20, y=200}");
      assertPredictionMatches(o);
    }
  }

  @Test
  void selectPacketColumnsDropsOthersWithTheirSourceInfo() {
    try (ArrowTableStream s = s();
        OperatorStream o = new SelectPacketColumns(List.of("y")).process(ctx, s)) {
      assertThat(o.keys(SOURCE_SYS).packet()).containsExactly("y", "_source_y");
      assertThat(rowSet(o, SOURCE_SYS, allocator))
          .containsExactly(
              "{_source_y=q::1::y, _tag_source_id::q=q, g=a, id=1, y=100}",
              "{_source_y=q::2::y, _tag_source_id::q=q, g=b, id=2, y=200}");
      assertPredictionMatches(o);
    }
  }

  @Test
  void dropTagAndPacketColumns() {
    try (ArrowTableStream s = s();
        OperatorStream t = new DropTagColumns(List.of("id")).process(ctx, s);
        OperatorStream p = new DropPacketColumns(List.of("x")).process(ctx, s)) {
      assertThat(t.keys().tag()).containsExactly("g");
      assertThat(p.keys(SOURCE_SYS).packet()).containsExactly("y", "_source_y");
      assertPredictionMatches(t);
      assertPredictionMatches(p);
    }
  }

  @Test
  void strictSelectionOfAMissingColumnNamesIt() {
    try (ArrowTableStream s = s()) {
      assertThatThrownBy(() -> new SelectTagColumns(List.of("nope")).process(ctx, s))
          .isInstanceOf(MissingColumnException.class)
          .hasMessageContaining("'nope'")
          .hasMessageContaining("strict=false");
      assertThatThrownBy(() -> new DropPacketColumns(List.of("x", "zz")).process(ctx, s))
          .isInstanceOf(MissingColumnException.class)
          .hasMessageContaining("'zz'")
          .hasMessageContaining("[x, y]");
    }
  }

  @Test
  void nonStrictIgnoresMissingColumns() {
    try (ArrowTableStream s = s();
        OperatorStream o = new DropTagColumns(List.of("nope", "g"), false).process(ctx, s);
        OperatorStream same =
            new SelectPacketColumns(List.of("x", "y", "z"), false).process(ctx, s)) {
      assertThat(o.keys().tag()).containsExactly("id");
      assertThat(same.result()).isSameAs(s);
    }
  }

  @Test
  void droppingEveryPacketColumnIsRejected() {
    try (ArrowTableStream s = s()) {
      assertThatThrownBy(() -> new DropPacketColumns(List.of("x", "y")).process(ctx, s))
          .isInstanceOf(NoPacketColumnsException.class);
      assertThatThrownBy(() -> new SelectPacketColumns(List.of("q"), false).process(ctx, s))
          .isInstanceOf(NoPacketColumnsException.class);
    }
  }

  @Test
  void identityStructuresAreThoseOfPython() {
    assertThat(new SelectTagColumns(List.of("a", "b")).identityStructure())
        .isEqualTo(Identity.tuple("SelectTagColumns", List.of("a", "b"), true));
    assertThat(new DropPacketColumns(List.of("x"), false).identityStructure())
        .isEqualTo(Identity.tuple("DropPacketColumns", List.of("x"), false));
  }
}
