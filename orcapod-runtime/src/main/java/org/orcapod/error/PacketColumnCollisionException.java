package org.orcapod.error;

import java.util.List;

/**
 * Two inputs of a join carry a packet column of the same name, so the joined packet would hold the
 * column twice; rename one side first (for example with {@code MapPackets}) or use a merge join.
 */
public final class PacketColumnCollisionException extends OrcapodException {
  private static final long serialVersionUID = 1L;

  private final List<String> columns;

  /**
   * Creates the exception for the colliding {@code columns} found while doing {@code operation}.
   */
  public PacketColumnCollisionException(String operation, List<String> columns) {
    super(
        "Orcapod/PacketColumnCollision",
        operation
            + ": packet column(s) "
            + columns
            + " appear in more than one input. Packets of joined streams must not overlap; rename"
            + " the column on one side with MapPackets, drop it with DropPacketColumns, or use"
            + " MergeJoin to merge the values into lists.");
    this.columns = List.copyOf(columns);
  }

  /** The colliding packet column names, sorted. */
  public List<String> columns() {
    return columns;
  }
}
