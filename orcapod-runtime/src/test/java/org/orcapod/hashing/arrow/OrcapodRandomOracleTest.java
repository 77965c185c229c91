package org.orcapod.hashing.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orcapod.hashing.ContentHash;

/**
 * Randomly generated nested tables (structs, lists, every leaf kind, nulls, non-ASCII names) hashed
 * by Python orcapod, read back here split into several batches (see the header of {@code
 * orcapod-oracle-random/cases.tsv}).
 */
class OrcapodRandomOracleTest {
  private static final String DIR = "orcapod-oracle-random/";

  static Stream<Arguments> cases() {
    return IpcFixtures.cases(DIR + "cases.tsv").stream().map(c -> Arguments.of(c[0], c[1], c[2]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesPythonOrcapod(String file, String method, String expected) throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowStreamReader reader = IpcFixtures.reader(DIR + file, allocator)) {
      Schema schema = reader.getVectorSchemaRoot().getSchema();
      List<VectorSchemaRoot> batches = IpcFixtures.readAll(reader, allocator);
      try {
        ContentHash hash = new StarfixArrowHasher().hashTable(schema, batches, reader);
        assertThat(hash.method()).isEqualTo(method);
        assertThat(hash.toHex()).as("%s in %d batches", file, batches.size()).isEqualTo(expected);
      } finally {
        IpcFixtures.closeAll(batches);
      }
    }
  }
}
