package org.orcapod.hashing.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * orcapod-python's file hash table (tests/test_hashing/hash_samples/file_hash_lut.json) over its
 * sample files, copied to golden/orcapod-python: every value reproduced, with the method id of
 * Python's default {@code BasicFileHasher(algorithm="sha256")}.
 */
class FileHashLutTest {
  @Test
  void reproducesEveryFileHash() throws IOException, URISyntaxException {
    JsonNode lut;
    try (InputStream in =
        getClass().getResourceAsStream("/golden/orcapod-python/file_hash_lut.json")) {
      lut = new ObjectMapper().readTree(in);
    }
    assertThat(lut.size()).isEqualTo(11);
    StreamingFileHasher streaming = new StreamingFileHasher();
    CachingFileHasher caching = new CachingFileHasher();
    List<String> mismatches = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : lut.properties()) {
      Path file =
          Path.of(
              getClass().getResource("/golden/orcapod-python/file_samples/" + e.getKey()).toURI());
      String expected = "sha256:" + e.getValue().get("hash").asText();
      for (var hasher : List.of(streaming, caching, caching)) {
        String actual = hasher.hash(file).toString();
        if (!actual.equals(expected)) {
          mismatches.add(e.getKey() + " " + actual);
        }
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(caching.size()).isEqualTo(11);
  }
}
