package org.orcapod.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The kind-specific part of a node: what it does with its inputs. */
public sealed interface NodeSpec {
  /** The node kind this spec describes. */
  NodeKind kind();

  /** Rows from outside the pipeline; the node's declared row is its schema. */
  record Source() implements NodeSpec {
    @Override
    public NodeKind kind() {
      return NodeKind.SOURCE;
    }
  }

  /**
   * A packet function applied to every row (after an implicit join of several inputs).
   *
   * @param function the function's display name, such as {@code LabFunctions.convert}
   * @param parameters the function's input columns in parameter order
   * @param outputs the function's output columns
   * @param allowCartesian whether inputs sharing no tag column may be joined
   */
  record Apply(
      String function, List<Column> parameters, List<Column> outputs, boolean allowCartesian)
      implements NodeSpec {
    /** Copies the lists. */
    public Apply {
      parameters = List.copyOf(parameters);
      outputs = List.copyOf(outputs);
    }

    @Override
    public NodeKind kind() {
      return NodeKind.APPLY;
    }
  }

  /**
   * Inner join on shared tag columns.
   *
   * @param allowCartesian whether inputs sharing no tag column may be joined
   */
  record Join(boolean allowCartesian) implements NodeSpec {
    @Override
    public NodeKind kind() {
      return NodeKind.JOIN;
    }
  }

  /** Rows of the first input that match the second on shared columns. */
  record SemiJoin() implements NodeSpec {
    @Override
    public NodeKind kind() {
      return NodeKind.SEMI_JOIN;
    }
  }

  /**
   * Join of two inputs merging shared packet columns into lists.
   *
   * @param allowCartesian whether inputs sharing no tag column may be joined
   */
  record MergeJoin(boolean allowCartesian) implements NodeSpec {
    @Override
    public NodeKind kind() {
      return NodeKind.MERGE_JOIN;
    }
  }

  /**
   * Rows grouped into batches; every column becomes a list.
   *
   * @param size rows per batch, 0 for one batch
   * @param dropPartial whether a short last batch is dropped
   */
  record Batch(int size, boolean dropPartial) implements NodeSpec {
    @Override
    public NodeKind kind() {
      return NodeKind.BATCH;
    }
  }

  /**
   * Keeps the named columns.
   *
   * @param columns the columns to keep, or null to keep exactly the declared row's columns
   */
  record Select(@Nullable List<String> columns) implements NodeSpec {
    /** Copies the list. */
    public Select {
      columns = columns == null ? null : List.copyOf(columns);
    }

    @Override
    public NodeKind kind() {
      return NodeKind.SELECT;
    }
  }

  /**
   * Removes the named columns.
   *
   * @param columns the tag or packet columns to remove
   */
  record Drop(List<String> columns) implements NodeSpec {
    /** Copies the list. */
    public Drop {
      columns = List.copyOf(columns);
    }

    @Override
    public NodeKind kind() {
      return NodeKind.DROP;
    }
  }

  /**
   * Renames tag columns.
   *
   * @param renames old name to new name, in declaration order
   * @param dropUnmapped whether tag columns not renamed are dropped
   */
  record MapTags(Map<String, String> renames, boolean dropUnmapped) implements NodeSpec {
    /** Copies the map, keeping its order. */
    public MapTags {
      renames = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(renames));
    }

    @Override
    public NodeKind kind() {
      return NodeKind.MAP_TAGS;
    }
  }

  /**
   * Renames packet columns.
   *
   * @param renames old name to new name, in declaration order
   * @param dropUnmapped whether packet columns not renamed are dropped
   */
  record MapPackets(Map<String, String> renames, boolean dropUnmapped) implements NodeSpec {
    /** Copies the map, keeping its order. */
    public MapPackets {
      renames = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(renames));
    }

    @Override
    public NodeKind kind() {
      return NodeKind.MAP_PACKETS;
    }
  }

  /**
   * Keeps rows matching a predicate.
   *
   * @param predicate the predicate source text, see {@code org.orcapod.graph.predicate}
   */
  record Filter(String predicate) implements NodeSpec {
    @Override
    public NodeKind kind() {
      return NodeKind.FILTER;
    }
  }
}
