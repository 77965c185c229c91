package org.orcapod.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.LargeVarCharVector;
import org.junit.jupiter.api.Test;

class StringColumnsTest {
  static List<String> values(LargeVarCharVector v) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.getValueCount(); i++) {
      out.add(v.isNull(i) ? null : new String(v.get(i), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Property(tries = 50)
  void concatEqualsStringConcatenation(
      @ForAll @Size(max = 40) List<String> middles, @ForAll String prefix, @ForAll String suffix) {
    try (RootAllocator a = new RootAllocator();
        LargeVarCharVector mid = new LargeVarCharVector("m", a)) {
      mid.allocateNew();
      for (int i = 0; i < middles.size(); i++) {
        mid.setSafe(i, middles.get(i).getBytes(StandardCharsets.UTF_8));
      }
      mid.setValueCount(middles.size());
      try (LargeVarCharVector out =
          StringColumns.concat(
              "c",
              prefix.getBytes(StandardCharsets.UTF_8),
              mid,
              suffix.getBytes(StandardCharsets.UTF_8),
              a)) {
        List<String> expected = new ArrayList<>();
        for (String m : middles) {
          expected.add(prefix + m + suffix);
        }
        assertThat(values(out)).isEqualTo(expected);
        assertThat(out.getNullCount()).isZero();
        assertThat(out.getField().isNullable()).isFalse();
      }
    }
  }

  @Test
  void constantRepeatsAndHandlesZeroRows() {
    try (RootAllocator a = new RootAllocator();
        LargeVarCharVector three = StringColumns.constant("c", "std:v0.1:default", 3, a);
        LargeVarCharVector none = StringColumns.constant("c", "x", 0, a)) {
      assertThat(values(three))
          .containsExactly("std:v0.1:default", "std:v0.1:default", "std:v0.1:default");
      assertThat(none.getValueCount()).isZero();
    }
  }
}
