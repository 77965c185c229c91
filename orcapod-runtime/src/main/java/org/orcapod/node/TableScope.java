package org.orcapod.node;

/**
 * Which runs share a node's record table, as Python orcapod's {@code table_scope}.
 *
 * <p>{@link #PIPELINE_HASH}: the path is {@code uri + ("schema:<pipeline hash>",)}, shared by all
 * runs of the same pipeline structure; rows are told apart by their {@code _node_content_hash}.
 * {@link #CONTENT_HASH}: the path adds {@code "instance:<content hash>"}, one table per input data.
 */
public enum TableScope {
  /** One table per pipeline structure (the default). */
  PIPELINE_HASH,
  /** One table per node content hash. */
  CONTENT_HASH
}
