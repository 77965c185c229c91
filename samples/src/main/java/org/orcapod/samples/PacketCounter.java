package org.orcapod.samples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.orcapod.datagram.Packet;
import org.orcapod.datagram.Tag;
import org.orcapod.node.NodeExecutionListener;
import org.orcapod.observe.ExecutionObserver;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.pipeline.RunResult;

/**
 * Counts, per node label, the packets a run computed, served from the cache and failed, and prints
 * the samples' per-node table. Compose it with the pipeline's default observer so the status and
 * log tables are still written.
 */
public final class PacketCounter implements ExecutionObserver {
  private final Map<String, int[]> counts = new LinkedHashMap<>();
  private final List<String> crashes = new ArrayList<>();

  @Override
  public NodeExecutionListener contextualize(
      String nodeHash, String nodeLabel, List<String> pipelinePath) {
    int[] c;
    synchronized (counts) {
      c = counts.computeIfAbsent(nodeLabel, k -> new int[3]);
    }
    return new NodeExecutionListener() {
      @Override
      public void onPacketEnd(Tag tag, Packet input, @Nullable Packet output, boolean cached) {
        synchronized (c) {
          c[cached ? 1 : 0]++;
        }
      }

      @Override
      public void onPacketCrash(Tag tag, Packet packet, Throwable error) {
        synchronized (c) {
          c[2]++;
        }
        synchronized (crashes) {
          crashes.add(nodeLabel + " failed for " + tag.data() + ": " + error.getMessage());
        }
      }
    };
  }

  /** One line per failed packet: the node, the tag and the cause. */
  public List<String> crashes() {
    synchronized (crashes) {
      return List.copyOf(crashes);
    }
  }

  /** Computed, cached and failed packets of node {@code label} (zeros if it saw none). */
  public int[] counts(String label) {
    synchronized (counts) {
      int[] c = counts.get(label);
      return c == null ? new int[3] : c.clone();
    }
  }

  /** Packets computed by the nodes {@code labels}. */
  public int computed(List<String> labels) {
    return labels.stream().mapToInt(l -> counts(l)[0]).sum();
  }

  /** Packets the nodes {@code labels} served from the cache. */
  public int cached(List<String> labels) {
    return labels.stream().mapToInt(l -> counts(l)[1]).sum();
  }

  /**
   * Prints the table {@code node rows computed cached failed} for the nodes {@code labels}; a node
   * that did not complete shows 0 rows.
   */
  public void printTable(Pipeline p, RunResult result, List<String> labels, PrintStream out) {
    out.println(
        String.format("%-16s %6s %9s %7s %7s", "node", "rows", "computed", "cached", "failed"));
    for (String label : labels) {
      int[] c = counts(label);
      int rows = result.completed().contains(label) ? p.stream(label).rowCount() : 0;
      out.println(String.format("%-16s %6d %9d %7d %7d", label, rows, c[0], c[1], c[2]));
    }
  }

  /** Prints the closing line: how many packets were computed and how many came from the cache. */
  public void printTotals(List<String> labels, PrintStream out) {
    int computed = computed(labels);
    int cached = cached(labels);
    if (computed == 0) {
      out.println("everything came from the cache (" + cached + " packets)");
    } else {
      out.println("computed " + computed + " packets, " + cached + " came from the cache");
    }
  }
}
