package org.orcapod.pipeline.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.orcapod.error.OrcapodException;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.schema.Schema;
import org.orcapod.source.ArrowTableSource;
import org.orcapod.source.SourceContext;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamSchema;

/** The base class of generated pipelines and of their builders, used as a generated class does. */
class GeneratedPipelineTest {
  private static final StreamSchema DECLARED =
      new StreamSchema(
          Schema.of(
              List.of(
                  new Field("id", new FieldType(false, ArrowType.LargeUtf8.INSTANCE, null), null))),
          Schema.of(
              List.of(
                  new Field(
                      "count", new FieldType(false, new ArrowType.Int(64, true), null), null))));

  /** A hand-written pipeline class shaped like a generated one: one source node, no wiring. */
  static final class Shop extends GeneratedPipeline {
    static final String NAME = "shop";

    private Shop(Pipeline pipeline) {
      super(pipeline);
    }

    static ShopBuilder builder() {
      return new ShopBuilder();
    }

    static final class ShopBuilder extends GeneratedPipeline.Builder<ShopBuilder> {
      private @Nullable Stream items;

      private ShopBuilder() {
        super(NAME);
      }

      ShopBuilder items(Stream source) {
        this.items = source;
        return this;
      }

      Shop build() {
        BufferAllocator allocator = requireAllocator();
        Pipeline pipeline =
            Pipeline.builder(NAME, boundDatabase(), allocator).context(boundContext()).build();
        pipeline.add("items", java.util.Objects.requireNonNull(items));
        pipeline.compile();
        return new Shop(pipeline);
      }
    }
  }

  /** A resource that records its closing and may fail. */
  private record Probe(String name, List<String> closed, @Nullable Exception failure)
      implements AutoCloseable {
    @Override
    public void close() throws Exception {
      closed.add(name);
      if (failure != null) {
        throw failure;
      }
    }
  }

  @Test
  void theBuilderSettersChainInAnyOrderAndTheAllocatorIsRequired() {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowTableSource items =
            GeneratedPipeline.emptySource(
                DECLARED, "items", SourceContext.defaultContext(), allocator)) {
      SourceContext context = SourceContext.defaultContext();
      try (Shop shop =
          Shop.builder()
              .database(null)
              .allocator(allocator)
              .items(items)
              .context(context)
              .build()) {
        assertThat(shop.pipeline().name()).isEqualTo("shop");
        assertThat(shop.pipeline().labels()).containsExactly("items");
      }
      assertThatThrownBy(() -> Shop.builder().items(items).context(context).build())
          .isInstanceOfSatisfying(
              OrcapodException.class, e -> assertThat(e.id()).isEqualTo("Orcapod/MissingAllocator"))
          .hasMessageContaining("pipeline 'shop' needs an allocator; call .allocator(allocator)");
    }
  }

  @Test
  void runsThePipelineAndClosingClosesWhatThePipelineOwns() {
    List<String> closed = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator();
        ArrowTableSource items =
            GeneratedPipeline.emptySource(
                DECLARED, "items", SourceContext.defaultContext(), allocator)) {
      Shop shop = Shop.builder().items(items).allocator(allocator).build();
      shop.pipeline().own(new Probe("owned", closed, null));
      assertThat(shop.run().succeeded()).isTrue();
      assertThat(closed).isEmpty();
      shop.close();
      assertThat(closed).containsExactly("owned");
      // The bound source stays the caller's: it is still readable.
      assertThat(items.rowCount()).isZero();
    }
  }

  @Test
  void aDriftedPipelineHashNamesNodePipelineAndBothHashes() {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowTableSource items =
            GeneratedPipeline.emptySource(
                DECLARED, "items", SourceContext.defaultContext(), allocator);
        Shop shop = Shop.builder().allocator(allocator).items(items).build()) {
      Pipeline p = shop.pipeline();
      String actual = p.node("items").pipelineHash();
      GeneratedPipeline.checkPipelineHash(p, "items", actual);
      assertThatThrownBy(() -> GeneratedPipeline.checkPipelineHash(p, "items", "semantic_v0.1:00"))
          .isInstanceOfSatisfying(
              OrcapodException.class,
              e -> assertThat(e.id()).isEqualTo("Orcapod/PipelineHashDrift"))
          .hasMessageContaining(
              "node 'items' of pipeline 'shop' has pipeline hash "
                  + actual
                  + " at run time, but the annotation processor computed semantic_v0.1:00 from its"
                  + " declaration; compile with the orcapod-processor of the same version as"
                  + " orcapod-runtime, and report it if they match");
    }
  }

  @Test
  void closeAllClosesLastOwnedFirstAndKeepsLaterFailuresSuppressed() {
    List<String> closed = new ArrayList<>();
    Exception first = new Exception("c failed");
    RuntimeException second = new IllegalArgumentException("a failed");
    List<AutoCloseable> owned = new ArrayList<>();
    Probe a = GeneratedPipeline.own(owned, new Probe("a", closed, second));
    GeneratedPipeline.own(owned, new Probe("b", closed, null));
    GeneratedPipeline.own(owned, new Probe("c", closed, first));
    assertThat(owned).hasSize(3).first().isSameAs(a);
    assertThatThrownBy(() -> GeneratedPipeline.closeAll(owned))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("closing a stream of the pipeline failed")
        .hasCause(first)
        .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(second));
    assertThat(closed).containsExactly("c", "b", "a");
    assertThat(owned).isEmpty();
    GeneratedPipeline.closeAll(owned);
    assertThat(closed).hasSize(3);
  }

  @Test
  void anEmptySourceHasTheDeclaredSchemaNoRowsAndTheGivenId() {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowTableSource empty =
            GeneratedPipeline.emptySource(
                DECLARED, "items_2", SourceContext.defaultContext(), allocator)) {
      SourceBindings.check("shop", "items", "shop.Item", DECLARED, empty);
      assertThat(empty.outputSchema()).isEqualTo(DECLARED);
      assertThat(empty.rowCount()).isZero();
      assertThat(empty.sourceId()).isEqualTo("items_2");
    }
  }
}
