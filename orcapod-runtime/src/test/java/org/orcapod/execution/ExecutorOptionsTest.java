package org.orcapod.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutorOptionsTest {

  @Test
  void isAnImmutableOrderedCopy() {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("b", 1);
    source.put("a", "x");
    ExecutorOptions options = ExecutorOptions.of(source);
    source.put("c", true);

    assertThat(options.values()).containsExactly(Map.entry("b", 1), Map.entry("a", "x"));
    assertThatThrownBy(() -> options.values().put("d", 2))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(options.with("b", 5).values())
        .containsExactly(Map.entry("b", 5), Map.entry("a", "x"));
    assertThat(options.values()).containsEntry("b", 1);
  }

  @Test
  void intValueAcceptsIntegralNumbersInRangeOnly() {
    ExecutorOptions options =
        ExecutorOptions.of(Map.of("i", 3, "l", 4L, "big", 1L << 40, "d", 2.5, "s", "7"));

    assertThat(options.intValue("i")).hasValue(3);
    assertThat(options.intValue("l")).hasValue(4);
    assertThat(options.intValue("missing")).isEmpty();
    for (String bad : new String[] {"big", "d", "s"}) {
      assertThatThrownBy(() -> options.intValue(bad))
          .isInstanceOf(InvalidExecutorOptionException.class)
          .hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void nullValuesAreRejectedNamingTheOption() {
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("gpus", null);

    assertThatThrownBy(() -> ExecutorOptions.of(withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("'gpus'");
  }
}
