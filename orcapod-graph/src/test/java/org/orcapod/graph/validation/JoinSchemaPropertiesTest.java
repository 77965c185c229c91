package org.orcapod.graph.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.orcapod.graph.Column;
import org.orcapod.graph.Diagnostic;
import org.orcapod.graph.NodeSpec;
import org.orcapod.graph.RowSchema;

/**
 * Join is commutative, so its schema prediction and its verdict must not depend on input order:
 * same columns with the same types, and the same kinds of problems.
 */
class JoinSchemaPropertiesTest {
  private static final List<String> TYPES = List.of("long", "double", "String");

  @Provide
  Arbitrary<RowSchema> schemas() {
    Arbitrary<Set<String>> tagNames = Arbitraries.of("a", "b", "c").set().ofMinSize(1);
    Arbitrary<Set<String>> packetNames = Arbitraries.of("p", "q", "r", "s").set().ofMinSize(1);
    Arbitrary<List<String>> types = Arbitraries.of(TYPES).list().ofSize(7);
    return Combinators.combine(tagNames, packetNames, types)
        .as(
            (tags, packets, ts) -> {
              List<Column> t = new ArrayList<>();
              int i = 0;
              for (String n : new java.util.TreeSet<>(tags)) {
                t.add(Column.of(n, ts.get(i++)));
              }
              List<Column> p = new ArrayList<>();
              for (String n : new java.util.TreeSet<>(packets)) {
                p.add(Column.of(n, ts.get(i++)));
              }
              return new RowSchema(t, p);
            });
  }

  private static ValidationResult join(RowSchema first, RowSchema second, boolean swap) {
    Graphs g = new Graphs().source("x", "X", first).source("y", "Y", second);
    return (swap
            ? g.node("j", new NodeSpec.Join(true), "y", "x")
            : g.node("j", new NodeSpec.Join(true), "x", "y"))
        .validate();
  }

  private static Set<Column> columns(RowSchema s) {
    Set<Column> all = new HashSet<>(s.tags());
    all.addAll(s.packets());
    return all;
  }

  @Property(tries = 300)
  void joinSchemaIgnoresInputOrder(
      @ForAll("schemas") RowSchema first, @ForAll("schemas") RowSchema second) {
    ValidationResult ab = join(first, second, false);
    ValidationResult ba = join(first, second, true);

    assertThat(ab.diagnostics().stream().map(Diagnostic::kind).sorted().toList())
        .isEqualTo(ba.diagnostics().stream().map(Diagnostic::kind).sorted().toList());
    assertThat(ab.schemas().containsKey("j")).isEqualTo(ba.schemas().containsKey("j"));
    if (ab.schemas().containsKey("j")) {
      assertThat(columns(ab.schemas().get("j"))).isEqualTo(columns(ba.schemas().get("j")));
      assertThat(ab.schemas().get("j").tagNames())
          .containsExactlyInAnyOrderElementsOf(ba.schemas().get("j").tagNames());
    }
  }

  @Property(tries = 300)
  void joinedSchemaHoldsEveryInputColumn(
      @ForAll("schemas") RowSchema first, @ForAll("schemas") RowSchema second) {
    ValidationResult result = join(first, second, false);
    if (result.isValid()) {
      RowSchema joined = result.schemas().get("j");
      assertThat(joined.columnNames())
          .containsAll(first.columnNames())
          .containsAll(second.columnNames());
    } else {
      assertThat(result.schemas()).doesNotContainKey("j");
    }
  }
}
