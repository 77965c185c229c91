package org.orcapod.node;

import org.orcapod.function.PacketObserver;

/**
 * The hooks a node calls while it runs, all no-ops by default: node start and end here, and the
 * per-packet hooks of {@link PacketObserver} (start, end with the cached flag, crash, and the
 * packet logger injected down to the executor). A pipeline observer contextualised for one node
 * implements this interface.
 */
public interface NodeExecutionListener extends PacketObserver {
  /** The listener that does nothing; the default of every node. */
  NodeExecutionListener NO_OP =
      new NodeExecutionListener() {
        @Override
        public boolean observesPackets() {
          return false;
        }
      };

  /** The node starts running. */
  default void onNodeStart(String nodeLabel, String nodeHash) {}

  /** The node finished running (also after a fail-fast failure, before it is re-thrown). */
  default void onNodeEnd(String nodeLabel, String nodeHash) {}
}
