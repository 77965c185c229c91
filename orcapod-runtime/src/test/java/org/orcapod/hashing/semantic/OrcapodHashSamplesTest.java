package org.orcapod.hashing.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Every entry of orcapod-python's semantic samples file (tests/test_hashing/hash_samples/
 * data_structures/hash_examples_20260226_193257.json), decoded exactly as test_hash_samples.py
 * decodes it, must hash to the recorded value.
 */
class OrcapodHashSamplesTest {
  private final JsonSemanticHasher hasher = new JsonSemanticHasher();

  @Test
  void reproducesEverySample() {
    JsonNode samples = Golden.readJson("/golden/orcapod-python/hash_examples_20260226_193257.json");
    assertThat(samples.size()).isEqualTo(46);
    List<String> mismatches = new ArrayList<>();
    for (JsonNode sample : samples) {
      Object value = deserialize(Golden.plain(sample.get("value")));
      String actual = hasher.hash(value).toString();
      if (!actual.equals(sample.get("hash").asText())) {
        mismatches.add(sample.get("value") + " -> " + actual);
      }
    }
    assertThat(mismatches).isEmpty();
  }

  /** test_hash_samples.deserialize_value, including its str.strip("bytes:") character strip. */
  private static @Nullable Object deserialize(@Nullable Object v) {
    if (v instanceof String s && s.startsWith("bytes:")) {
      return HexFormat.of().parseHex(stripChars(s, "bytes:"));
    }
    if (v instanceof Map<?, ?> m && m.containsKey("__type__")) {
      Object items = m.get("items");
      switch ((String) m.get("__type__")) {
        case "set", "frozenset" -> {
          return new HashSet<>((List<?>) items);
        }
        case "tuple" -> {
          return new PyTuple(new ArrayList<>((List<?>) items));
        }
        case "OrderedDict" -> {
          return new LinkedHashMap<>((Map<?, ?>) items);
        }
        default -> {
          return v;
        }
      }
    }
    return v;
  }

  private static String stripChars(String s, String chars) {
    int start = 0;
    int end = s.length();
    while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }
}
