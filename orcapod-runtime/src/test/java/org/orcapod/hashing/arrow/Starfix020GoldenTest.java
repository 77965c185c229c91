package org.orcapod.hashing.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every digest starfix-python v0.2.0's own tests produce, reproduced by {@link Starfix020Digester}
 * from the same inputs (see the header of {@code starfix-0.2.0/cases.tsv}).
 */
class Starfix020GoldenTest {
  private static final String DIR = "starfix-0.2.0/";

  static Stream<Arguments> cases() {
    return IpcFixtures.cases(DIR + "cases.tsv").stream()
        .map(c -> Arguments.of(c[0], c[1], c[2], c[3], c[4]));
  }

  @ParameterizedTest(name = "{0} [{1} {2}, {4}]")
  @MethodSource("cases")
  void reproducesStarfixDigest(
      String test, String kind, String files, String expected, String provenance) throws Exception {
    byte[] actual;
    try (BufferAllocator allocator = new RootAllocator()) {
      actual = digest(kind, files.split("\\+"), allocator);
    }
    assertThat(HexFormat.of().formatHex(actual)).as(test).isEqualTo(expected);
  }

  private static byte[] digest(String kind, String[] files, BufferAllocator allocator)
      throws Exception {
    try (ArrowStreamReader reader = IpcFixtures.reader(DIR + files[0], allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      switch (kind) {
        case "schema" -> {
          return Starfix020Digester.hashSchema(root.getSchema());
        }
        case "array" -> {
          assertThat(reader.loadNextBatch()).isTrue();
          return Starfix020Digester.hashArray(root.getVector(0), reader);
        }
        case "stream" -> {
          Starfix020Digester digester = new Starfix020Digester(root.getSchema());
          while (reader.loadNextBatch()) {
            digester.update(root, reader);
          }
          for (int i = 1; i < files.length; i++) {
            try (ArrowStreamReader batchReader = IpcFixtures.reader(DIR + files[i], allocator)) {
              while (batchReader.loadNextBatch()) {
                digester.update(batchReader.getVectorSchemaRoot(), batchReader);
              }
            }
          }
          return digester.finish();
        }
        default -> throw new IllegalArgumentException("unknown kind " + kind);
      }
    }
  }
}
