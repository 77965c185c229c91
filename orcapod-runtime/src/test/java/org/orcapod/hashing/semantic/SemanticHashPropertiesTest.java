package org.orcapod.hashing.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

/** Algebraic invariants of the semantic hash. */
class SemanticHashPropertiesTest {
  private final JsonSemanticHasher hasher = new JsonSemanticHasher();

  @Property(tries = 200)
  void mapKeyOrderDoesNotMatter(
      @ForAll @Size(max = 12) Map<String, Integer> entries, @ForAll long seed) {
    List<Map.Entry<String, Integer>> shuffled = new ArrayList<>(entries.entrySet());
    Collections.shuffle(shuffled, new Random(seed));
    Map<String, Object> a = new LinkedHashMap<>();
    shuffled.forEach(e -> a.put(e.getKey(), e.getValue()));
    Map<String, Object> b = new TreeMap<>(entries);
    assertThat(hasher.hash(a)).isEqualTo(hasher.hash(b));
    assertThat(hasher.hash(Map.of("m", a))).isEqualTo(hasher.hash(Map.of("m", new HashMap<>(b))));
  }

  @Property(tries = 200)
  void listOrderMatters(@ForAll @Size(min = 2, max = 10) @UniqueElements List<Integer> items) {
    List<Integer> reversed = new ArrayList<>(items);
    Collections.reverse(reversed);
    assertThat(hasher.hash(items)).isNotEqualTo(hasher.hash(reversed));
  }

  @Property(tries = 200)
  void setIterationOrderDoesNotMatter(
      @ForAll @Size(max = 10) @UniqueElements List<String> items, @ForAll long seed) {
    List<Object> shuffled = new ArrayList<>(items);
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(hasher.hash(new LinkedHashSet<>(shuffled)))
        .isEqualTo(hasher.hash(new LinkedHashSet<Object>(items)));
  }

  @Property(tries = 200)
  void listTupleAndSetDiffer(@ForAll @Size(max = 8) @UniqueElements List<Integer> items) {
    Object list = items;
    Object tuple = new PyTuple(new ArrayList<>(items));
    Object set = new LinkedHashSet<>(items);
    assertThat(hasher.hash(list)).isNotEqualTo(hasher.hash(tuple));
    assertThat(hasher.hash(list)).isNotEqualTo(hasher.hash(set));
    assertThat(hasher.hash(tuple)).isNotEqualTo(hasher.hash(set));
  }

  @Property(tries = 50)
  void booleansAreNotIntegers(@ForAll boolean b) {
    long n = b ? 1 : 0;
    // Python orcapod writes True as JSON true and 1 as 1, so they differ (unlike Python's ==).
    assertThat(hasher.hash(b)).isNotEqualTo(hasher.hash(n));
    assertThat(hasher.hash(List.of(b))).isNotEqualTo(hasher.hash(List.of(n)));
    // As map keys both become str(): "True" vs "1", so they differ there too.
    assertThat(hasher.hash(Map.of(b, "v"))).isNotEqualTo(hasher.hash(Map.of(n, "v")));
  }

  @Property(tries = 200)
  void javaIntegerWidthsHashAlikeAsPythonHasOneInt(@ForAll int n) {
    assertThat(hasher.hash(n)).isEqualTo(hasher.hash((long) n));
    assertThat(hasher.hash(n)).isEqualTo(hasher.hash(java.math.BigInteger.valueOf(n)));
  }

  @Property(tries = 200)
  void namedTupleFieldOrderDoesNotMatterButTheNameDoes(@ForAll int x, @ForAll int y) {
    Map<String, Object> xy = new LinkedHashMap<>();
    xy.put("x", x);
    xy.put("y", y);
    Map<String, Object> yx = new LinkedHashMap<>();
    yx.put("y", y);
    yx.put("x", x);
    assertThat(hasher.hash(new NamedTuple("P", xy)))
        .isEqualTo(hasher.hash(new NamedTuple("P", yx)));
    assertThat(hasher.hash(new NamedTuple("P", xy)))
        .isNotEqualTo(hasher.hash(new NamedTuple("Q", xy)));
  }

  @Property(tries = 100)
  void anIdentifiableIsItsHashTokenNotItsStructure(@ForAll @Size(max = 5) List<Integer> items) {
    Golden.Ident ident = new Golden.Ident(items);
    assertThat(hasher.hash(List.of(ident)))
        .isEqualTo(hasher.hash(List.of(hasher.hash(items))))
        .isNotEqualTo(hasher.hash(List.of(items)));
  }
}
