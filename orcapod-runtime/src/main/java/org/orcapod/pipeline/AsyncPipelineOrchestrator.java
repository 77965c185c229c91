package org.orcapod.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.jspecify.annotations.Nullable;
import org.orcapod.function.ErrorPolicy;
import org.orcapod.node.BatchColumns;
import org.orcapod.node.FunctionNode;
import org.orcapod.node.NodeExecutionListener;
import org.orcapod.node.OperatorNode;
import org.orcapod.observe.ExecutionObserver;
import org.orcapod.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every node at once, each on its own thread, with rows streaming along the DAG's edges
 * through bounded {@link Channel}s, as Python orcapod's {@code AsyncPipelineOrchestrator}.
 *
 * <p><b>What flows.</b> Rows travel as small Arrow batches ({@link #batchSize} rows, default
 * {@value #DEFAULT_BATCH_SIZE}) laid out as {@link BatchColumns#CONFIG}. A source node slices its
 * table into batches; a function node processes each batch as it arrives (pipeline-record lookup,
 * result cache per packet, new results and records stored and flushed per batch) and sends its
 * output batch on at once; so does an operator node whose operator is row-local (filter, map of
 * packets or tags, select and drop of packet or tag columns: {@link OperatorNode#streamable()}). A
 * node with several streaming consumers broadcasts one shared, reference-counted batch to one
 * channel per consumer. A full channel blocks its producer (backpressure), so a producer is at most
 * {@code channelCapacity} batches, plus the one it is sending, ahead of each consumer. The other
 * operators (join, merge join, semi-join, batch) are blocking: their node waits until every input
 * has ended, then runs on its upstream nodes' complete outputs, as the sync orchestrator does, and
 * streams its own output on. The channel into a blocking node carries no rows, only end-of-stream;
 * this also means a join of two branches fed by one producer cannot deadlock on full channels.
 *
 * <p><b>Memory.</b> Every batch is closed exactly once: by its last consumer, by the channel that
 * drops it when a cancelled run closes, or by the producer for a channel already closed. Batches
 * come from a child allocator of the nodes' allocator, closed when the run ends.
 *
 * <p><b>Errors</b>, unlike Python's async orchestrator, follow the policy. {@link
 * ErrorPolicy#CONTINUE}: a failing packet is skipped inside its node; a node that fails as a whole
 * ends its channels, its downstream nodes are reported skipped (a function node may already have
 * computed and stored the rows that reached it) and the other branches go on. {@link
 * ErrorPolicy#FAIL_FAST}: the first failure cancels the run: every channel is closed and emptied
 * (buffered batches released), each node stops at its next batch boundary (a function node finishes
 * the batch it is computing and stores it), nodes not completed are reported skipped, and a {@link
 * PipelineExecutionException} with the user's exception as cause is thrown.
 */
public final class AsyncPipelineOrchestrator implements PipelineOrchestrator {
  private static final Logger LOG = LoggerFactory.getLogger(AsyncPipelineOrchestrator.class);

  /** The default channel capacity in batches, as Python's {@code channel_buffer_size}. */
  public static final int DEFAULT_CHANNEL_CAPACITY = 64;

  /** The default number of rows per batch. */
  public static final int DEFAULT_BATCH_SIZE = 64;

  private final ErrorPolicy policy;
  private final int channelCapacity;
  private final int batchSize;

  /** An orchestrator with {@link ErrorPolicy#CONTINUE} and the default capacity and batch size. */
  public AsyncPipelineOrchestrator() {
    this(ErrorPolicy.CONTINUE, DEFAULT_CHANNEL_CAPACITY);
  }

  /** An orchestrator with {@code policy} and the default capacity and batch size. */
  public AsyncPipelineOrchestrator(ErrorPolicy policy) {
    this(policy, DEFAULT_CHANNEL_CAPACITY);
  }

  /** An orchestrator with {@code policy}, channels of {@code channelCapacity} batches. */
  public AsyncPipelineOrchestrator(ErrorPolicy policy, int channelCapacity) {
    this(policy, channelCapacity, DEFAULT_BATCH_SIZE);
  }

  /**
   * An orchestrator with {@code policy}, channels of {@code channelCapacity} batches and batches of
   * at most {@code batchSize} rows.
   */
  public AsyncPipelineOrchestrator(ErrorPolicy policy, int channelCapacity, int batchSize) {
    this.policy = Objects.requireNonNull(policy, "policy");
    if (channelCapacity < 1) {
      throw new IllegalArgumentException(
          "[Orcapod/InvalidChannelCapacity] channelCapacity must be at least 1, got "
              + channelCapacity);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "[Orcapod/InvalidBatchSize] batchSize must be at least 1 row, got " + batchSize);
    }
    this.channelCapacity = channelCapacity;
    this.batchSize = batchSize;
  }

  /** The error policy. */
  public ErrorPolicy errorPolicy() {
    return policy;
  }

  /** The capacity of each channel, in batches. */
  public int channelCapacity() {
    return channelCapacity;
  }

  /** The most rows a batch holds. */
  public int batchSize() {
    return batchSize;
  }

  @Override
  public RunResult run(
      PipelineGraph graph, ExecutionObserver observer, String runId, String pipelineUri) {
    observer.onRunStart(runId, pipelineUri);
    try {
      BufferAllocator parent = allocatorOf(graph);
      BufferAllocator batches =
          parent == null ? null : parent.newChildAllocator("async-run-" + runId, 0, Long.MAX_VALUE);
      try {
        return new Run(graph, observer, runId, pipelineUri, batches).execute();
      } finally {
        if (batches != null) {
          try {
            batches.close();
          } catch (IllegalStateException leak) {
            // A bug, but it must not hide the run's own outcome; the parent allocator still
            // reports the leak when it is closed.
            LOG.error(
                "[Orcapod/ArrowLeak] run {} left row batches open: {}", runId, leak.toString());
          }
        }
      }
    } finally {
      observer.onRunEnd(runId);
    }
  }

  /** The allocator of the graph's nodes (every node of one pipeline shares it), or null. */
  private static @Nullable BufferAllocator allocatorOf(PipelineGraph graph) {
    for (PipelineNode n : graph.nodes()) {
      if (n.node() instanceof FunctionNode f) {
        return f.allocator();
      }
      if (n.node() instanceof OperatorNode o) {
        return o.allocator();
      }
    }
    return null;
  }

  private enum Outcome {
    COMPLETED,
    FAILED,
    SKIPPED
  }

  /** Thrown inside a node task when the run was cancelled; the node is reported skipped. */
  private static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Cancelled() {
      super(null, null, false, false);
    }
  }

  /** One batch step of a streaming node. */
  @FunctionalInterface
  private interface BatchStep {
    VectorSchemaRoot apply(VectorSchemaRoot batch, BatchColumns columns, BufferAllocator target);
  }

  /** A streaming node's run, as four operations. */
  private record Step(
      BatchStep process,
      java.util.function.Supplier<BatchColumns> outputColumns,
      Runnable finish,
      Runnable close) {}

  /** One run's channels and bookkeeping. */
  private final class Run {
    private final PipelineGraph graph;
    private final ExecutionObserver observer;
    private final String runId;
    private final String pipelineUri;
    private final @Nullable BufferAllocator batches;
    private final Map<String, List<Channel<RowBatch>>> inbox = new HashMap<>();
    private final Map<String, List<Channel<RowBatch>>> streamingOut = new HashMap<>();
    private final Map<String, List<Channel<RowBatch>>> out = new HashMap<>();
    private final List<Channel<RowBatch>> all = new ArrayList<>();
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final List<String> completed = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Throwable> failed =
        Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> skipped = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile @Nullable String firstFailure;

    Run(
        PipelineGraph graph,
        ExecutionObserver observer,
        String runId,
        String pipelineUri,
        @Nullable BufferAllocator batches) {
      this.graph = graph;
      this.observer = observer;
      this.runId = runId;
      this.pipelineUri = pipelineUri;
      this.batches = batches;
      for (PipelineNode n : graph.nodes()) {
        inbox.put(n.label(), new ArrayList<>());
        out.put(n.label(), new ArrayList<>());
        streamingOut.put(n.label(), new ArrayList<>());
      }
      for (PipelineNode n : graph.nodes()) {
        for (String up : n.upstream()) {
          Channel<RowBatch> c = new Channel<>(channelCapacity);
          inbox.get(n.label()).add(c);
          out.get(up).add(c);
          if (streams(n)) {
            streamingOut.get(up).add(c);
          }
          all.add(c);
        }
      }
    }

    /** Whether {@code n} consumes rows batch by batch (else it waits for its inputs to end). */
    private boolean streams(PipelineNode n) {
      return n.kind() == NodeKind.FUNCTION
          || (n.kind() == NodeKind.OPERATOR
              && n.node() instanceof OperatorNode o
              && o.streamable());
    }

    RunResult execute() {
      AtomicInteger threadNo = new AtomicInteger();
      ExecutorService pool =
          Executors.newFixedThreadPool(
              Math.max(1, graph.nodes().size()),
              r -> {
                Thread t = new Thread(r, "orcapod-node-" + threadNo.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      List<Future<?>> tasks = new ArrayList<>();
      try {
        for (PipelineNode n : graph.nodes()) {
          tasks.add(
              pool.submit(
                  () -> {
                    runNode(n);
                    return null;
                  }));
        }
        for (Future<?> f : tasks) {
          try {
            f.get();
          } catch (ExecutionException e) {
            cancel();
            throw new IllegalStateException(
                "[Orcapod/OrchestratorBug] a node task of run " + runId + " failed", e.getCause());
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancel();
        tasks.forEach(t -> t.cancel(true));
        throw new IllegalStateException("[Orcapod/Interrupted] run " + runId + " interrupted", e);
      } finally {
        pool.shutdownNow();
        // normally every channel is drained by now; after an interrupt, release what is left
        all.forEach(c -> c.cancel(RowBatch::release));
      }
      RunResult result;
      synchronized (failed) {
        result = new RunResult(runId, pipelineUri, completed, failed, skipped);
      }
      String first = firstFailure;
      if (first != null) {
        throw new PipelineExecutionException(first, result, result.failed().get(first));
      }
      return result;
    }

    /** Fail-fast: closes every channel and releases every buffered batch. */
    private void cancel() {
      cancelled.set(true);
      all.forEach(c -> c.cancel(RowBatch::release));
    }

    private void runNode(PipelineNode n) throws InterruptedException {
      try {
        switch (n.kind()) {
          case SOURCE -> runSource(n);
          case FUNCTION -> runFunction(n);
          case OPERATOR -> runOperator(n);
        }
      } catch (Cancelled c) {
        end(n, Outcome.SKIPPED, null);
      } catch (InterruptedException e) {
        end(n, Outcome.SKIPPED, null);
        throw e;
      } catch (Throwable e) {
        end(n, Outcome.FAILED, e);
        if (e instanceof VirtualMachineError vm) {
          throw vm;
        }
      } finally {
        out.get(n.label()).forEach(Channel::close);
      }
    }

    /** Records the node's outcome before its channels close, so consumers see it. */
    private void end(PipelineNode n, Outcome o, @Nullable Throwable error) {
      if (outcomes.putIfAbsent(n.label(), o) != null) {
        return;
      }
      switch (o) {
        case COMPLETED -> completed.add(n.label());
        case SKIPPED -> skipped.add(n.label());
        case FAILED -> {
          failed.put(n.label(), error);
          if (policy == ErrorPolicy.FAIL_FAST) {
            synchronized (this) {
              if (firstFailure == null) {
                firstFailure = n.label();
              }
            }
            cancel();
          } else {
            LOG.warn(
                "[Orcapod/NodeFailed] node '{}' failed in run {}; its downstream nodes are skipped",
                n.label(),
                runId,
                error);
          }
        }
      }
    }

    private NodeExecutionListener listener(PipelineNode n) {
      return observer.contextualize(n.contentHash(), n.label(), n.storagePath());
    }

    private void checkCancelled() {
      if (cancelled.get()) {
        throw new Cancelled();
      }
    }

    private boolean upstreamCompleted(PipelineNode n) {
      for (String up : n.upstream()) {
        if (outcomes.get(up) != Outcome.COMPLETED) {
          return false;
        }
      }
      return true;
    }

    private void runSource(PipelineNode n) throws InterruptedException {
      checkCancelled();
      n.execute(listener(n), policy);
      emit(n);
      end(n, Outcome.COMPLETED, null);
    }

    private void runOperator(PipelineNode n) throws InterruptedException {
      if (streams(n)) {
        OperatorNode o = (OperatorNode) n.node();
        o.setListener(listener(n));
        OperatorNode.Streaming s = o.startStreaming();
        runStreaming(n, new Step(s::process, s::outputColumns, s::finish, s::close));
        return;
      }
      // Blocking: wait for every input to end (their channels carry no rows).
      for (Channel<RowBatch> c : inbox.get(n.label())) {
        Optional<RowBatch> b;
        while ((b = c.receive()).isPresent()) {
          b.get().release();
        }
      }
      checkCancelled();
      if (!upstreamCompleted(n)) {
        end(n, Outcome.SKIPPED, null);
        return;
      }
      n.execute(listener(n), policy);
      emit(n);
      end(n, Outcome.COMPLETED, null);
    }

    private void runFunction(PipelineNode n) throws InterruptedException {
      FunctionNode f = (FunctionNode) n.node();
      f.setListener(listener(n));
      f.setErrorPolicy(policy);
      FunctionNode.Streaming s = f.startStreaming();
      runStreaming(n, new Step(s::process, s::outputColumns, () -> s.finish(), s::close));
    }

    /** Feeds {@code n}'s input batches through {@code step} and sends each result on at once. */
    private void runStreaming(PipelineNode n, Step step) throws InterruptedException {
      Channel<RowBatch> in = inbox.get(n.label()).get(0);
      List<Channel<RowBatch>> targets = streamingOut.get(n.label());
      try {
        Optional<RowBatch> item;
        while ((item = in.receive()).isPresent()) {
          RowBatch b = item.get();
          VectorSchemaRoot result;
          try {
            if (cancelled.get()) {
              continue;
            }
            result = step.process().apply(b.root(), b.columns(), batchAllocator());
          } finally {
            b.release();
          }
          send(result, step.outputColumns().get(), targets);
        }
        checkCancelled();
        if (!upstreamCompleted(n)) {
          end(n, Outcome.SKIPPED, null);
          return;
        }
        step.finish().run();
      } finally {
        step.close().run();
      }
      end(n, Outcome.COMPLETED, null);
    }

    private BufferAllocator batchAllocator() {
      if (batches == null) {
        throw new IllegalStateException("no allocator for row batches");
      }
      return batches;
    }

    /** Streams a computed node's whole output to its streaming consumers, batch by batch. */
    private void emit(PipelineNode n) throws InterruptedException {
      List<Channel<RowBatch>> targets = streamingOut.get(n.label());
      if (targets.isEmpty()) {
        return;
      }
      Stream s = n.node();
      BatchColumns columns = BatchColumns.of(s);
      VectorSchemaRoot table = s.asTable(BatchColumns.CONFIG, batchAllocator());
      int rows = table.getRowCount();
      if (rows <= batchSize) {
        send(table, columns, targets);
        return;
      }
      try {
        for (int start = 0; start < rows; start += batchSize) {
          checkCancelled();
          send(table.slice(start, Math.min(batchSize, rows - start)), columns, targets);
        }
      } finally {
        table.close();
      }
    }

    /** Broadcasts {@code root} (taking ownership) to {@code targets}; closes it if none. */
    private void send(VectorSchemaRoot root, BatchColumns columns, List<Channel<RowBatch>> targets)
        throws InterruptedException {
      if (targets.isEmpty()) {
        root.close();
        return;
      }
      RowBatch b = new RowBatch(root, columns, targets.size());
      int handed = 0;
      try {
        for (Channel<RowBatch> c : targets) {
          if (!c.send(b)) {
            b.release(); // a closed (cancelled) channel: its consumer's reference ends here
          }
          handed++;
        }
      } finally {
        for (int k = handed; k < targets.size(); k++) {
          b.release();
        }
      }
    }
  }

  @Override
  public String toString() {
    return "AsyncPipelineOrchestrator["
        + policy
        + ", capacity "
        + channelCapacity
        + ", batch "
        + batchSize
        + "]";
  }
}
