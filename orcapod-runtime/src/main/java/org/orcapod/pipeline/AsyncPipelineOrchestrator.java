package org.orcapod.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.orcapod.function.ErrorPolicy;
import org.orcapod.observe.ExecutionObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launches every node at once, each on its own thread, connected along the DAG's edges by bounded
 * {@link Channel}s, as Python orcapod's {@code AsyncPipelineOrchestrator}. A node starts computing
 * as soon as all its upstream nodes have reported on their channels, so independent branches run
 * concurrently; a node with several consumers broadcasts to one channel per consumer.
 *
 * <p>Unlike Python's async orchestrator, the error policy is honoured. {@link
 * ErrorPolicy#CONTINUE}: failing packets are skipped inside the node; a node that fails as a whole
 * reports failure downstream, whose nodes are skipped, while the other branches go on. {@link
 * ErrorPolicy#FAIL_FAST}: the first failure closes every channel, so nodes still waiting are
 * skipped; nodes already computing finish; then a {@link PipelineExecutionException} is thrown.
 *
 * <p>What a channel carries is one completion signal per edge: the nodes of this library process
 * their whole input in one batched run (lookups and writes per batch), so a node reads its upstream
 * node's output once that output is complete.
 */
public final class AsyncPipelineOrchestrator implements PipelineOrchestrator {
  private static final Logger LOG = LoggerFactory.getLogger(AsyncPipelineOrchestrator.class);

  /** The default channel capacity, as Python's {@code channel_buffer_size}. */
  public static final int DEFAULT_CHANNEL_CAPACITY = 64;

  private final ErrorPolicy policy;
  private final int channelCapacity;

  /** An orchestrator with {@link ErrorPolicy#CONTINUE} and the default channel capacity. */
  public AsyncPipelineOrchestrator() {
    this(ErrorPolicy.CONTINUE, DEFAULT_CHANNEL_CAPACITY);
  }

  /** An orchestrator with {@code policy} and the default channel capacity. */
  public AsyncPipelineOrchestrator(ErrorPolicy policy) {
    this(policy, DEFAULT_CHANNEL_CAPACITY);
  }

  /** An orchestrator with {@code policy} and channels of {@code channelCapacity} items. */
  public AsyncPipelineOrchestrator(ErrorPolicy policy, int channelCapacity) {
    this.policy = Objects.requireNonNull(policy, "policy");
    if (channelCapacity < 1) {
      throw new IllegalArgumentException(
          "[Orcapod/InvalidChannelCapacity] channelCapacity must be at least 1, got "
              + channelCapacity);
    }
    this.channelCapacity = channelCapacity;
  }

  /** The error policy. */
  public ErrorPolicy errorPolicy() {
    return policy;
  }

  /** A node's report to each consumer: whether its output is complete and usable. */
  private record Signal(String from, boolean ok) {}

  @Override
  public RunResult run(
      PipelineGraph graph, ExecutionObserver observer, String runId, String pipelineUri) {
    observer.onRunStart(runId, pipelineUri);
    try {
      Map<String, List<Channel<Signal>>> inbox = new HashMap<>();
      Map<String, List<Channel<Signal>>> outbox = new HashMap<>();
      List<Channel<Signal>> all = new ArrayList<>();
      for (PipelineNode n : graph.nodes()) {
        inbox.put(n.label(), new ArrayList<>());
        outbox.put(n.label(), new ArrayList<>());
      }
      for (PipelineNode n : graph.nodes()) {
        for (String up : n.upstream()) {
          Channel<Signal> c = new Channel<>(channelCapacity);
          inbox.get(n.label()).add(c);
          outbox.get(up).add(c);
          all.add(c);
        }
      }
      List<String> completed = Collections.synchronizedList(new ArrayList<>());
      Map<String, Throwable> failed = Collections.synchronizedMap(new LinkedHashMap<>());
      List<String> skipped = Collections.synchronizedList(new ArrayList<>());
      AtomicBoolean aborted = new AtomicBoolean();
      String[] firstFailure = new String[1];
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
                    runNode(
                        n,
                        observer,
                        inbox.get(n.label()),
                        outbox.get(n.label()),
                        all,
                        completed,
                        failed,
                        skipped,
                        aborted,
                        firstFailure);
                    return null;
                  }));
        }
        for (Future<?> f : tasks) {
          try {
            f.get();
          } catch (ExecutionException e) {
            throw new IllegalStateException("orchestrator task failed", e.getCause());
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        all.forEach(Channel::close);
        throw new IllegalStateException("[Orcapod/Interrupted] run " + runId + " interrupted", e);
      } finally {
        pool.shutdownNow();
      }
      RunResult result;
      synchronized (failed) {
        result = new RunResult(runId, pipelineUri, completed, failed, skipped);
      }
      String first;
      synchronized (firstFailure) {
        first = firstFailure[0];
      }
      if (first != null) {
        throw new PipelineExecutionException(first, result, result.failed().get(first));
      }
      return result;
    } finally {
      observer.onRunEnd(runId);
    }
  }

  private void runNode(
      PipelineNode n,
      ExecutionObserver observer,
      List<Channel<Signal>> in,
      List<Channel<Signal>> out,
      List<Channel<Signal>> all,
      List<String> completed,
      Map<String, Throwable> failed,
      List<String> skipped,
      AtomicBoolean aborted,
      @Nullable String[] firstFailure)
      throws InterruptedException {
    boolean ready = true;
    for (Channel<Signal> c : in) {
      Optional<Signal> s = c.receive();
      ready &= s.isPresent() && s.get().ok();
    }
    if (!ready || aborted.get()) {
      skipped.add(n.label());
      finish(out, new Signal(n.label(), false));
      return;
    }
    try {
      n.execute(observer.contextualize(n.contentHash(), n.label(), n.storagePath()), policy);
      completed.add(n.label());
      finish(out, new Signal(n.label(), true));
    } catch (Exception e) {
      failed.put(n.label(), e);
      if (policy == ErrorPolicy.FAIL_FAST) {
        synchronized (firstFailure) {
          if (firstFailure[0] == null) {
            firstFailure[0] = n.label();
          }
        }
        aborted.set(true);
        all.forEach(Channel::close);
      } else {
        LOG.warn(
            "[Orcapod/NodeFailed] node '{}' failed; its downstream nodes are skipped",
            n.label(),
            e);
      }
      finish(out, new Signal(n.label(), false));
    }
  }

  private static void finish(List<Channel<Signal>> out, Signal s) throws InterruptedException {
    Channel.broadcast(out, s);
    out.forEach(Channel::close);
  }

  @Override
  public String toString() {
    return "AsyncPipelineOrchestrator[" + policy + ", capacity " + channelCapacity + "]";
  }
}
