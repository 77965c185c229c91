package org.orcapod.hashing.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Values generated with the Python oracle (golden/oracle/semantic_vectors.json): float reprs,
 * astral-plane keys, big ints, nested tuples/sets/namedtuples, empty containers, dict keys of other
 * types, handler values (bytes, UUID, Path, types, generics, unions) and identifiable objects. The
 * hash and, where Python digests JSON, the canonical JSON text must match.
 */
class OracleVectorsTest {
  private final JsonSemanticHasher hasher = new JsonSemanticHasher();

  @Test
  void reproducesEveryOracleVector() {
    JsonNode vectors = Golden.readJson("/golden/oracle/semantic_vectors.json");
    assertThat(vectors.size()).isGreaterThan(80);
    List<String> mismatches = new ArrayList<>();
    for (JsonNode v : vectors) {
      Object value = Golden.decode(v.get("value"));
      String name = v.get("name").asText();
      String hash = hasher.hash(value).toString();
      if (!hash.equals(v.get("hash").asText())) {
        mismatches.add(name + ": hash " + hash + " expected " + v.get("hash").asText());
      }
      if (v.has("json")) {
        String json = hasher.canonicalJson(value);
        if (!json.equals(v.get("json").asText())) {
          mismatches.add(name + ": json " + json + " expected " + v.get("json").asText());
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void javaClassesMapToThePythonTypeTokens() {
    JsonNode vectors = Golden.readJson("/golden/oracle/semantic_vectors.json");
    Object[][] pairs = {
      {"type_int", Long.class},
      {"type_int", int.class},
      {"type_int", java.math.BigInteger.class},
      {"type_float", Double.class},
      {"type_float", float.class},
      {"type_str", String.class},
      {"type_bool", Boolean.class},
      {"type_bytes", byte[].class},
      {"type_none", Void.class},
      {"type_list", java.util.ArrayList.class},
      {"type_dict", java.util.Map.class},
      {"type_set", java.util.HashSet.class},
      {"type_tuple", PyTuple.class},
      {"type_object", Object.class},
      {"type_path", Path.class},
      {"type_uuid", UUID.class},
    };
    for (Object[] pair : pairs) {
      String expected = null;
      for (JsonNode v : vectors) {
        if (v.get("name").asText().equals(pair[0])) {
          expected = v.get("hash").asText();
        }
      }
      assertThat(hasher.hash(pair[1]).toString()).as("%s", pair[1]).isEqualTo(expected);
    }
  }

  @Test
  void aPathAtTheTopIsItsFileHashAndInsideAStructureItsToken() {
    Path file = Golden.resourcePath("/golden/orcapod-python/file_samples/sample_text_1kb.txt");
    String fileHash = "sha256:bfc8f41f1ec9764618411c70f59d2fa772a28ff746dd6331994949567f49cfa5";
    assertThat(hasher.hash(file).toString()).isEqualTo(fileHash);
    assertThat(hasher.canonicalJson(List.of(file))).isEqualTo("[\"" + fileHash + "\"]");
  }
}
