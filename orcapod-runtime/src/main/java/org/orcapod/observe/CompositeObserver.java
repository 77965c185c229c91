package org.orcapod.observe;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orcapod.datagram.Packet;
import org.orcapod.datagram.Tag;
import org.orcapod.execution.PacketLogger;
import org.orcapod.node.NodeExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards every hook to several observers in order, as Python orcapod's {@code CompositeObserver};
 * the packet logger it creates records to each child's logger (no-op loggers are left out, so a
 * composite of no-ops still hands the executor {@link PacketLogger#noOp()}).
 */
public final class CompositeObserver implements ExecutionObserver {
  private static final Logger LOG = LoggerFactory.getLogger(CompositeObserver.class);

  private final List<ExecutionObserver> observers;

  /** A composite of {@code observers}, called in this order. */
  public CompositeObserver(ExecutionObserver... observers) {
    this(List.of(observers));
  }

  /** A composite of {@code observers}, called in this order. */
  public CompositeObserver(List<? extends ExecutionObserver> observers) {
    this.observers = List.copyOf(observers);
  }

  /** The children, in call order. */
  public List<ExecutionObserver> observers() {
    return observers;
  }

  @Override
  public void onRunStart(String runId, String pipelineUri) {
    observers.forEach(o -> o.onRunStart(runId, pipelineUri));
  }

  @Override
  public void onRunEnd(String runId) {
    observers.forEach(o -> o.onRunEnd(runId));
  }

  @Override
  public NodeExecutionListener contextualize(
      String nodeHash, String nodeLabel, List<String> pipelinePath) {
    List<NodeExecutionListener> children = new ArrayList<>();
    for (ExecutionObserver o : observers) {
      NodeExecutionListener l = o.contextualize(nodeHash, nodeLabel, pipelinePath);
      if (l != NodeExecutionListener.NO_OP) {
        children.add(l);
      }
    }
    return children.isEmpty() ? NodeExecutionListener.NO_OP : new Fanout(List.copyOf(children));
  }

  private record Fanout(List<NodeExecutionListener> children) implements NodeExecutionListener {
    @Override
    public void onNodeStart(String nodeLabel, String nodeHash) {
      children.forEach(c -> c.onNodeStart(nodeLabel, nodeHash));
    }

    @Override
    public void onNodeEnd(String nodeLabel, String nodeHash) {
      children.forEach(c -> c.onNodeEnd(nodeLabel, nodeHash));
    }

    @Override
    public void onPacketStart(Tag tag, Packet packet) {
      children.forEach(c -> c.onPacketStart(tag, packet));
    }

    @Override
    public void onPacketEnd(Tag tag, Packet input, @Nullable Packet output, boolean cached) {
      children.forEach(c -> c.onPacketEnd(tag, input, output, cached));
    }

    @Override
    public void onPacketCrash(Tag tag, Packet packet, Throwable error) {
      children.forEach(c -> c.onPacketCrash(tag, packet, error));
    }

    @Override
    public PacketLogger createPacketLogger(Tag tag, Packet packet, List<String> pipelinePath) {
      List<PacketLogger> loggers = new ArrayList<>();
      for (NodeExecutionListener c : children) {
        PacketLogger l = c.createPacketLogger(tag, packet, pipelinePath);
        if (l != PacketLogger.noOp()) {
          loggers.add(l);
        }
      }
      if (loggers.isEmpty()) {
        return PacketLogger.noOp();
      }
      if (loggers.size() == 1) {
        return loggers.get(0);
      }
      return fields -> {
        for (PacketLogger l : loggers) {
          try {
            l.record(fields);
          } catch (RuntimeException e) {
            LOG.warn("[Orcapod/LogWriteFailed] a packet logger failed: {}", e.toString(), e);
          }
        }
      };
    }
  }

  @Override
  public String toString() {
    return "CompositeObserver" + observers;
  }
}
