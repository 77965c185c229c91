package org.orcapod.graph.predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PredicateTest {
  @Test
  void canonicalFormNormalisesSpacingOperatorsAndNumbers() throws Exception {
    Predicate p =
        Predicate.parse(
            "  pressureKpa>101.30 AND (experiment IN ('a','it''s') or not x is NOT null) ");

    assertThat(p.canonical())
        .isEqualTo("(pressureKpa > 101.3 and (experiment in ('a', 'it''s') or not x is not null))");
    assertThat(Predicate.parse("a == 1").canonical()).isEqualTo(Predicate.parse("a=1").canonical());
    assertThat(Predicate.parse("a <> 1").canonical()).isEqualTo("a != 1");
  }

  @Test
  void andBindsTighterThanOr() throws Exception {
    assertThat(Predicate.parse("a = 1 or b = 2 and c = 3").canonical())
        .isEqualTo("(a = 1 or (b = 2 and c = 3))");
  }

  @Test
  void listsTestedColumnsLeftToRight() throws Exception {
    assertThat(Predicate.parse("a = 1 or not (b in (1, 2) and c is null)").tests())
        .extracting(Predicate.ColumnTest::column)
        .containsExactly("a", "b", "c");
  }

  @Test
  void syntaxErrorsSayWhatWasExpectedAndWhere() {
    assertThatThrownBy(() -> Predicate.parse("a >"))
        .isInstanceOf(PredicateSyntaxException.class)
        .hasMessage(
            "expected a literal (a number, a 'quoted string', true or false) at position 4, found the end");
    assertThatThrownBy(() -> Predicate.parse("a = 1 b"))
        .hasMessage("expected 'and', 'or' or the end of the predicate at position 7, found 'b'");
    assertThatThrownBy(() -> Predicate.parse("a = 'open")).hasMessageContaining("not closed");
    assertThatThrownBy(() -> Predicate.parse("")).hasMessage("the predicate is empty");
    assertThatThrownBy(() -> Predicate.parse("a = 1.2.3")).hasMessage("'1.2.3' is not a number");
  }

  @Property
  void canonicalTextParsesToItself(
      @ForAll @AlphaChars @StringLength(min = 1, max = 8) String column,
      @ForAll long number,
      @ForAll @StringLength(max = 10) String text)
      throws Exception {
    String col = "c" + column;
    String source =
        col + " >= " + number + " or " + col + " in ('" + text.replace("'", "''") + "', 2.5)";
    String canonical = Predicate.parse(source).canonical();

    assertThat(Predicate.parse(canonical).canonical()).isEqualTo(canonical);
  }
}
