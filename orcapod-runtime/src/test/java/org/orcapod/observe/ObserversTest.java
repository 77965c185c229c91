package org.orcapod.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.orcapod.datagram.Packet;
import org.orcapod.datagram.Tag;
import org.orcapod.execution.PacketLogger;
import org.orcapod.node.NodeExecutionListener;

class ObserversTest {
  /** Records hooks with the node identity it was contextualised with. */
  private static final class Recording implements ExecutionObserver {
    final String name;
    final List<String> events;

    Recording(String name, List<String> events) {
      this.name = name;
      this.events = events;
    }

    @Override
    public void onRunStart(String runId, String pipelineUri) {
      events.add(name + " start " + runId + " " + pipelineUri);
    }

    @Override
    public void onRunEnd(String runId) {
      events.add(name + " end " + runId);
    }

    @Override
    public NodeExecutionListener contextualize(String hash, String label, List<String> path) {
      return new NodeExecutionListener() {
        @Override
        public void onNodeStart(String l, String h) {
          events.add(name + " node " + label + " " + hash + " " + path);
        }

        @Override
        public PacketLogger createPacketLogger(Tag tag, Packet packet, List<String> p) {
          return fields -> events.add(name + " record " + fields);
        }
      };
    }
  }

  @Test
  void noOpContextualisesToTheNoOpListener() {
    assertThat(NoOpObserver.INSTANCE.contextualize("h", "l")).isSameAs(NodeExecutionListener.NO_OP);
    assertThat(
            new CompositeObserver(NoOpObserver.INSTANCE, NoOpObserver.INSTANCE)
                .contextualize("h", "l"))
        .isSameAs(NodeExecutionListener.NO_OP);
  }

  @Test
  void compositeForwardsEveryHookInOrderWithTheNodeIdentity() {
    List<String> events = new ArrayList<>();
    CompositeObserver c =
        new CompositeObserver(
            new Recording("a", events), NoOpObserver.INSTANCE, new Recording("b", events));
    c.onRunStart("r1", "p@0123456789abcdef");
    NodeExecutionListener l = c.contextualize("hash1", "node1", List.of("x", "schema:y"));
    l.onNodeStart("node1", "hash1");
    PacketLogger logger = l.createPacketLogger(null, null, List.of("x"));
    Map<String, @Nullable Object> fields = new HashMap<>();
    fields.put("stdout", "hi");
    logger.record(fields);
    c.onRunEnd("r1");
    assertThat(events)
        .containsExactly(
            "a start r1 p@0123456789abcdef",
            "b start r1 p@0123456789abcdef",
            "a node node1 hash1 [x, schema:y]",
            "b node node1 hash1 [x, schema:y]",
            "a record {stdout=hi}",
            "b record {stdout=hi}",
            "a end r1",
            "b end r1");
  }
}
