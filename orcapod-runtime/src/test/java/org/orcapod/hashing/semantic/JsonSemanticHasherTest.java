package org.orcapod.hashing.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orcapod.hashing.ArrowHasher;
import org.orcapod.hashing.ContentHash;
import org.orcapod.hashing.file.StreamingFileHasher;

class JsonSemanticHasherTest {
  private final JsonSemanticHasher hasher = new JsonSemanticHasher();

  @Test
  void unsupportedValuesNameTheirPathAndType() {
    Map<String, Object> structure = new LinkedHashMap<>();
    structure.put("inputs", List.of(1, new PyTuple(List.of("a", new Thread()))));
    assertThatThrownBy(() -> hasher.hash(structure))
        .isInstanceOfSatisfying(
            UnhashableValueException.class,
            e -> {
              assertThat(e.path()).isEqualTo("$['inputs'][1][1]");
              assertThat(e.valueType()).isEqualTo("java.lang.Thread");
            })
        .hasMessageContaining("ContentIdentifiable");
    assertThatThrownBy(() -> hasher.hash(new int[] {1}))
        .isInstanceOf(UnhashableValueException.class)
        .hasMessageContaining("$ ([I)");
    assertThatThrownBy(() -> hasher.hash(java.math.BigDecimal.ONE))
        .isInstanceOf(UnhashableValueException.class);
    assertThatThrownBy(() -> hasher.hash(Thread.class))
        .isInstanceOf(UnhashableValueException.class)
        .hasMessageContaining("PyType.named");
  }

  @Test
  void errorsInsideAnIdentifiableObjectShowWhereItSits() {
    Object bad = new Golden.Ident(Map.of("k", new Object()));
    assertThatThrownBy(() -> hasher.hash(List.of(0, bad)))
        .isInstanceOfSatisfying(
            UnhashableValueException.class,
            e -> assertThat(e.path()).isEqualTo("$[1]<Ident>['k']"));
  }

  @Test
  void keysWithTheSameStringFormAreRejected() {
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put(1L, "a");
    m.put("1", "b");
    assertThatThrownBy(() -> hasher.hash(m))
        .isInstanceOf(UnhashableValueException.class)
        .hasMessageContaining("JSON key '1'");
  }

  @Test
  void integersPythonCannotPrintAreRejected() {
    BigInteger ok = BigInteger.TEN.pow(4299).negate(); // 4300 digits: Python prints it
    assertThat(hasher.canonicalJson(ok)).hasSize(4301);
    BigInteger tooLong = BigInteger.TEN.pow(4300); // 4301 digits
    assertThatThrownBy(() -> hasher.hash(List.of(tooLong)))
        .isInstanceOf(UnhashableValueException.class)
        .hasMessageContaining("4300");
  }

  @Test
  void unpairedSurrogatesAreRejected() {
    assertThatThrownBy(() -> hasher.hash(Map.of("k\uD800", 1)))
        .isInstanceOf(UnhashableValueException.class)
        .hasMessageContaining("surrogate");
  }

  @Test
  void aContainerThatContainsItselfEmbedsCircularRefAsPython() {
    List<Object> self = new ArrayList<>();
    self.add(1L);
    self.add(self);
    assertThat(hasher.canonicalJson(self)).isEqualTo("[1,\"CircularRef\"]");
    // The same list twice side by side is not a cycle.
    List<Object> shared = List.of(1L);
    assertThat(hasher.canonicalJson(List.of(shared, shared))).isEqualTo("[[1],[1]]");
  }

  @Test
  void setItemsWithTheSameStrSortDeterministically() {
    // str(1) == str("1"): Python keeps its hash-seed dependent set order; we order by JSON.
    java.util.Set<Object> a = new java.util.LinkedHashSet<>(List.of(1L, "1"));
    java.util.Set<Object> b = new java.util.LinkedHashSet<>(List.of("1", 1L));
    assertThat(hasher.canonicalJson(a))
        .isEqualTo(hasher.canonicalJson(b))
        .isEqualTo("{\"__type__\":\"set\",\"items\":[\"1\",1]}");
  }

  @Test
  void aContentHashIsATerminal() {
    ContentHash h = ContentHash.of("arrow_v0.1", new byte[] {0, 0, 1, 5});
    assertThat(hasher.hash(h)).isSameAs(h);
    assertThatThrownBy(() -> hasher.canonicalJson(h))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a digest of canonical JSON");
    assertThat(hasher.canonicalJson(Arrays.asList(h, null)))
        .isEqualTo("[\"arrow_v0.1:00000105\",null]");
  }

  @Test
  void floatAndFloatWidenAsPythonFloat() {
    assertThat(hasher.canonicalJson(0.1f)).isEqualTo("0.10000000149011612");
    assertThat(hasher.canonicalJson('x')).isEqualTo("\"x\"");
  }

  @Test
  void arrowTablesAreHashedByTheArrowHasher() {
    ContentHash tableHash = ContentHash.of("arrow_v0.1", new byte[] {0, 0, 1, 9});
    ArrowHasher fake =
        new ArrowHasher() {
          @Override
          public String hasherId() {
            return "arrow_v0.1";
          }

          @Override
          public ContentHash hashTable(List<VectorSchemaRoot> batches) {
            return tableHash;
          }

          @Override
          public ContentHash hashSchema(Schema schema) {
            return tableHash;
          }
        };
    JsonSemanticHasher withArrow =
        new JsonSemanticHasher("semantic_v0.1", new StreamingFileHasher(), () -> fake);
    try (RootAllocator allocator = new RootAllocator();
        BigIntVector v = new BigIntVector("x", allocator);
        VectorSchemaRoot root = VectorSchemaRoot.of(v)) {
      assertThat(withArrow.hash(root)).isEqualTo(tableHash);
      assertThat(withArrow.canonicalJson(Map.of("t", root)))
          .isEqualTo("{\"t\":\"arrow_v0.1:00000109\"}");
      assertThatThrownBy(() -> hasher.hash(root))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no Arrow hasher");
    }
  }

  @Test
  void aMissingFileNamesTheStructurePathAndTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope.txt");
    assertThatThrownBy(() -> hasher.hash(Map.of("in", missing)))
        .isInstanceOfSatisfying(
            UnhashableValueException.class, e -> assertThat(e.path()).isEqualTo("$['in']"))
        .hasMessageContaining("nope.txt")
        .hasMessageContaining("path.toString()");
  }

  @Test
  void pyTypeUnionsNormaliseAsPython() {
    assertThat(PyType.union(PyType.INT, PyType.INT)).isEqualTo(PyType.INT);
    assertThat(hasher.hash(PyType.optional(PyType.STR)))
        .isEqualTo(hasher.hash(PyType.union(PyType.NONE, PyType.union(PyType.STR))));
    assertThat(hasher.hash(PyType.list(PyType.INT)))
        .isEqualTo(hasher.hash(new PyType.Generic(PyType.of(List.class), List.of(PyType.INT))));
  }
}
