package org.orcapod.node;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.orcapod.database.RecordPath;
import org.orcapod.hashing.ContentHash;

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
  CONTENT_HASH;

  /**
   * The record path of a node under this scope: {@code uri}, {@code "schema:<pipeline hash>"} and,
   * for {@link #CONTENT_HASH}, {@code "instance:<content hash>"} (asked for only then).
   */
  RecordPath nodePath(
      List<String> uri, ContentHash pipelineHash, Supplier<ContentHash> contentHash) {
    List<String> path = new ArrayList<>(uri);
    path.add("schema:" + pipelineHash);
    if (this == CONTENT_HASH) {
      path.add("instance:" + contentHash.get());
    }
    return new RecordPath(path);
  }
}
