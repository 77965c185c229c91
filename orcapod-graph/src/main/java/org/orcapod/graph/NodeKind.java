package org.orcapod.graph;

/** What a node does; each kind is one annotation of the DSL and one runtime element. */
public enum NodeKind {
  SOURCE("Source"),
  APPLY("Apply"),
  JOIN("Join"),
  SEMI_JOIN("SemiJoin"),
  MERGE_JOIN("MergeJoin"),
  BATCH("Batch"),
  SELECT("Select"),
  DROP("Drop"),
  MAP_TAGS("MapTags"),
  MAP_PACKETS("MapPackets"),
  FILTER("Filter");

  private final String annotation;

  NodeKind(String annotation) {
    this.annotation = annotation;
  }

  /** The DSL annotation's simple name, for example {@code "SemiJoin"}. */
  public String annotation() {
    return annotation;
  }
}
