package org.orcapod.pipeline;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.orcapod.node.BatchColumns;

/**
 * A batch of rows travelling from one node to its streaming consumers, shared by all of them: the
 * producer creates it with one reference per consumer, each consumer (or the channel that drops it)
 * calls {@link #release} exactly once, and the last release closes the Arrow memory.
 */
final class RowBatch {
  private final VectorSchemaRoot root;
  private final BatchColumns columns;
  private final AtomicInteger refs;

  /** Takes ownership of {@code root}, shared by {@code consumers} (at least one) consumers. */
  RowBatch(VectorSchemaRoot root, BatchColumns columns, int consumers) {
    this.root = Objects.requireNonNull(root, "root");
    this.columns = Objects.requireNonNull(columns, "columns");
    if (consumers < 1) {
      root.close();
      throw new IllegalArgumentException("a batch needs at least one consumer, got " + consumers);
    }
    this.refs = new AtomicInteger(consumers);
  }

  /** The rows; valid until this holder's reference is released. */
  VectorSchemaRoot root() {
    return root;
  }

  /** Which columns are tags, system tags and packet columns. */
  BatchColumns columns() {
    return columns;
  }

  /** The number of rows. */
  int rowCount() {
    return root.getRowCount();
  }

  /** The references not yet released. */
  int references() {
    return refs.get();
  }

  /** Drops one reference; the last closes the memory. */
  void release() {
    int left = refs.decrementAndGet();
    if (left == 0) {
      root.close();
    } else if (left < 0) {
      throw new IllegalStateException(
          "[Orcapod/BatchReleasedTwice] a row batch was released twice");
    }
  }
}
