package org.orcapod.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.orcapod.hashing.ContentHash;
import org.orcapod.hashing.arrow.StarfixArrowHasher;
import org.orcapod.hashing.semantic.JsonSemanticHasher;

/** The arrow component of std:v0.1:default, and Arrow tables inside identity structures. */
class DataContextArrowTest {
  @Test
  void theDefaultContextBuildsTheStarfixArrowHasherAndTheSemanticHasherUsesIt() {
    DataContext ctx = DataContext.defaultContext();
    assertThat(ctx.arrowHasher()).isInstanceOf(StarfixArrowHasher.class);
    assertThat(ctx.arrowHasher().hasherId()).isEqualTo("arrow_v0.1");
    try (RootAllocator allocator = new RootAllocator();
        BigIntVector x = new BigIntVector("x", allocator)) {
      x.allocateNew(3);
      for (int i = 0; i < 3; i++) {
        x.set(i, i * 10L);
      }
      x.setValueCount(3);
      try (VectorSchemaRoot root = VectorSchemaRoot.of(x)) {
        ContentHash table = ctx.arrowHasher().hashTable(root);
        assertThat(table.method()).isEqualTo("arrow_v0.1");
        assertThat(ctx.semanticHasher().hash(root)).isEqualTo(table);
        JsonSemanticHasher semantic = (JsonSemanticHasher) ctx.semanticHasher();
        assertThat(semantic.canonicalJson(Map.of("t", root)))
            .isEqualTo("{\"t\":\"" + table + "\"}");
        assertThat(semantic.hash(List.of(root))).isEqualTo(semantic.hash(List.of(table)));
      }
    }
  }
}
