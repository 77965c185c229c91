package org.orcapod.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.orcapod.datagram.Packet;
import org.orcapod.datagram.Tag;
import org.orcapod.node.NodeExecutionListener;
import org.orcapod.observe.ExecutionObserver;

/**
 * Counts, per node, the packets computed, served from the cache and failed, and shows the run's
 * progress: a bar redrawn in place on a terminal, or one plain line per finished node otherwise. It
 * is composed with the pipeline's default observers, so the status and log tables are still
 * written.
 */
final class ProgressObserver implements ExecutionObserver {
  /** How progress is shown. */
  enum Mode {
    /** A bar redrawn in place with carriage returns. */
    BAR,
    /** One line per finished node. */
    PLAIN,
    /** Nothing while running (the summary is still printed). */
    NONE
  }

  /** Packet counts of one node. */
  static final class Counts {
    int computed;
    int cached;
    int failed;
    boolean finished;
  }

  private static final int BAR_WIDTH = 24;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter out;
  private final Mode mode;
  private final int steps;
  private final Set<String> functionNodes;
  private final Map<String, Counts> counts = new LinkedHashMap<>();
  private final List<String> crashes = new ArrayList<>();
  private int finished;
  private @Nullable String current;
  private long lastDraw;
  private int drawnWidth;

  /**
   * @param steps the number of nodes that run (function and operator nodes; sources have nothing to
   *     run)
   * @param functionNodes labels of the function nodes, whose packet counts are shown
   */
  ProgressObserver(PrintWriter out, Mode mode, int steps, Set<String> functionNodes) {
    this.out = out;
    this.mode = mode;
    this.steps = steps;
    this.functionNodes = Set.copyOf(functionNodes);
  }

  /** The counts of the nodes that ran, by label, in the order they started. */
  synchronized Map<String, Counts> counts() {
    return new LinkedHashMap<>(counts);
  }

  /** One line per failed packet: node, tag and error. */
  synchronized List<String> crashes() {
    return List.copyOf(crashes);
  }

  @Override
  public NodeExecutionListener contextualize(
      String nodeHash, String nodeLabel, List<String> pipelinePath) {
    Counts c;
    synchronized (this) {
      c = counts.computeIfAbsent(nodeLabel, k -> new Counts());
    }
    return new NodeExecutionListener() {
      @Override
      public void onNodeStart(String label, String hash) {
        synchronized (ProgressObserver.this) {
          current = nodeLabel;
          draw(true);
        }
      }

      @Override
      public void onPacketEnd(Tag tag, Packet input, @Nullable Packet output, boolean cached) {
        synchronized (ProgressObserver.this) {
          if (cached) {
            c.cached++;
          } else {
            c.computed++;
          }
          current = nodeLabel;
          draw(false);
        }
      }

      @Override
      public void onPacketCrash(Tag tag, Packet packet, Throwable error) {
        synchronized (ProgressObserver.this) {
          c.failed++;
          crashes.add(nodeLabel + " failed for " + tag.data() + ": " + OrcapodCli.oneLine(error));
          current = nodeLabel;
          draw(false);
        }
      }

      @Override
      public void onNodeEnd(String label, String hash) {
        synchronized (ProgressObserver.this) {
          if (!c.finished) {
            c.finished = true;
            finished++;
          }
          if (mode == Mode.PLAIN) {
            out.println(
                nodeLabel + ": " + (functionNodes.contains(nodeLabel) ? describe(c) : "done"));
            out.flush();
          }
          draw(true);
        }
      }
    };
  }

  /** Ends the bar's line; call once the run is over. */
  synchronized void finish() {
    if (mode == Mode.BAR && drawnWidth > 0) {
      draw(true);
      out.println();
      out.flush();
      drawnWidth = 0;
    }
  }

  static String describe(Counts c) {
    return c.computed
        + " computed, "
        + c.cached
        + " cached"
        + (c.failed > 0 ? ", " + c.failed + " failed" : "");
  }

  /** The bar's text: {@code [#####-----] 2/5 nodes label: 3 computed, 1 cached}. */
  synchronized String barLine() {
    int total = Math.max(steps, 1);
    int filled = Math.min(BAR_WIDTH, finished * BAR_WIDTH / total);
    StringBuilder b = new StringBuilder("[");
    b.append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ");
    b.append(finished).append('/').append(steps).append(" nodes");
    String label = current;
    if (label != null) {
      Counts c = counts.get(label);
      b.append("  ").append(label);
      if (c != null && functionNodes.contains(label)) {
        b.append(": ").append(describe(c));
      }
    }
    return b.toString();
  }

  private void draw(boolean force) {
    if (mode != Mode.BAR) {
      return;
    }
    long now = System.nanoTime();
    if (!force && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    String line = barLine();
    // Pad over the previous, possibly longer, line.
    String pad = " ".repeat(Math.max(0, drawnWidth - line.length()));
    out.print("\r" + line + pad);
    out.flush();
    drawnWidth = line.length();
  }
}
