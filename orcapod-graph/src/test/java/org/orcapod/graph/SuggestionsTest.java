package org.orcapod.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> COLUMNS = List.of("experiment", "temperatureC", "pressureKpa");

  @Test
  void suggestsTyposTranspositionsCaseAndPrefixes() {
    assertThat(Suggestions.closest("presureKpa", COLUMNS)).contains("pressureKpa");
    assertThat(Suggestions.closest("tempreatureC", COLUMNS)).contains("temperatureC");
    assertThat(Suggestions.closest("Experiment", COLUMNS)).contains("experiment");
    assertThat(Suggestions.closest("pressure", COLUMNS)).contains("pressureKpa");
  }

  @Test
  void suggestsNothingForUnrelatedNames() {
    assertThat(Suggestions.closest("humidity", COLUMNS)).isEmpty();
    assertThat(Suggestions.closest("x", COLUMNS)).isEmpty();
  }

  @Test
  void distanceCountsATranspositionAsOneEdit() {
    assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
  }
}
