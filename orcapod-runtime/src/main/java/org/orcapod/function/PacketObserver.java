package org.orcapod.function;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orcapod.datagram.Packet;
import org.orcapod.datagram.Tag;
import org.orcapod.execution.PacketLogger;

/**
 * Hooks of the per-packet loop, all no-ops by default. A no-op observer ({@link #observesPackets()}
 * false) lets the loop skip building the per-row {@link Tag} and {@link Packet} objects altogether.
 */
public interface PacketObserver {
  /** The observer that does nothing. */
  PacketObserver NO_OP =
      new PacketObserver() {
        @Override
        public boolean observesPackets() {
          return false;
        }
      };

  /**
   * Whether the per-packet hooks do anything; when false the loop skips them and never builds the
   * per-row {@link Tag} and {@link Packet} they would receive. Only no-op observers return false.
   */
  default boolean observesPackets() {
    return true;
  }

  /** A packet is about to be served (from the cache or by computing it). */
  default void onPacketStart(Tag tag, Packet packet) {}

  /**
   * A packet was served.
   *
   * @param output the output packet, or null when the function dropped it
   * @param cached whether the output came from stored results rather than a call
   */
  default void onPacketEnd(Tag tag, Packet input, @Nullable Packet output, boolean cached) {}

  /** The function threw {@code error} for this packet. */
  default void onPacketCrash(Tag tag, Packet packet, Throwable error) {}

  /**
   * The logger handed down to the executor for one computed packet.
   *
   * @param pipelinePath where the node's records live; routes log tables, is not a column
   */
  default PacketLogger createPacketLogger(Tag tag, Packet packet, List<String> pipelinePath) {
    return PacketLogger.noOp();
  }
}
