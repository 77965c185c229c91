package org.orcapod.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.orcapod.node.BatchColumns;

/** Shared batches are closed exactly once, by their last holder, also when a channel drops them. */
class RowBatchTest {
  private static VectorSchemaRoot rows(BufferAllocator allocator, int n) {
    BigIntVector v = new BigIntVector("x", allocator);
    v.allocateNew(n);
    for (int i = 0; i < n; i++) {
      v.set(i, i);
    }
    v.setValueCount(n);
    VectorSchemaRoot root = new VectorSchemaRoot(List.of(v));
    root.setRowCount(n);
    return root;
  }

  private static final BatchColumns COLUMNS = new BatchColumns(List.of(), List.of(), List.of("x"));

  @Test
  void theLastOfSeveralConsumersClosesTheMemory() {
    try (RootAllocator allocator = new RootAllocator()) {
      RowBatch b = new RowBatch(rows(allocator, 100), COLUMNS, 3);
      long held = allocator.getAllocatedMemory();
      assertThat(held).isPositive();
      b.release();
      b.release();
      assertThat(allocator.getAllocatedMemory()).isEqualTo(held);
      assertThat(b.root().getVector("x").getObject(99)).isEqualTo(99L);
      b.release();
      assertThat(allocator.getAllocatedMemory()).isZero();
      assertThatThrownBy(b::release).hasMessageContaining("[Orcapod/BatchReleasedTwice]");
    }
  }

  @Test
  void aCancelledChannelReleasesWhatItBuffered() throws Exception {
    try (RootAllocator allocator = new RootAllocator()) {
      Channel<RowBatch> a = new Channel<>(4);
      Channel<RowBatch> b = new Channel<>(4);
      for (int i = 0; i < 3; i++) {
        RowBatch shared = new RowBatch(rows(allocator, 10), COLUMNS, 2);
        a.send(shared);
        b.send(shared);
      }
      // one consumer took and released one batch; then the run is cancelled
      a.receive().orElseThrow().release();
      assertThat(a.cancel(RowBatch::release)).isEqualTo(2);
      assertThat(allocator.getAllocatedMemory()).isPositive();
      assertThat(b.cancel(RowBatch::release)).isEqualTo(3);
      assertThat(allocator.getAllocatedMemory()).isZero();
      assertThat(a.isClosed()).isTrue();
      RowBatch late = new RowBatch(rows(allocator, 1), COLUMNS, 1);
      assertThat(a.send(late)).as("a closed channel refuses; the sender releases").isFalse();
      late.release();
      assertThat(a.highWaterMark()).isEqualTo(3);
    }
  }
}
