package org.orcapod.processor;

import java.util.List;

/** The qualified names of the annotations the processor reads; it needs none of their classes. */
final class Names {
  private Names() {}

  static final String PACKAGE = "org.orcapod.annotations.";
  static final String PACKET_FUNCTION = PACKAGE + "PacketFunction";
  static final String PIPELINE = PACKAGE + "Pipeline";
  static final String TAG = PACKAGE + "Tag";
  static final String LABEL = PACKAGE + "Label";
  static final String SOURCE = PACKAGE + "Source";
  static final String APPLY = PACKAGE + "Apply";
  static final String JOIN = PACKAGE + "Join";
  static final String SEMI_JOIN = PACKAGE + "SemiJoin";
  static final String MERGE_JOIN = PACKAGE + "MergeJoin";
  static final String BATCH = PACKAGE + "Batch";
  static final String SELECT = PACKAGE + "Select";
  static final String DROP = PACKAGE + "Drop";
  static final String MAP_TAGS = PACKAGE + "MapTags";
  static final String MAP_PACKETS = PACKAGE + "MapPackets";
  static final String FILTER = PACKAGE + "Filter";

  /** The node-kind annotations, in the order the docs list them. */
  static final List<String> NODE_KINDS =
      List.of(
          SOURCE,
          APPLY,
          JOIN,
          SEMI_JOIN,
          MERGE_JOIN,
          BATCH,
          SELECT,
          DROP,
          MAP_TAGS,
          MAP_PACKETS,
          FILTER);

  static String simple(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
