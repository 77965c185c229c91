package org.orcapod.execution;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.orcapod.execution.capture.Capture;

/**
 * Runs Java packet functions in this JVM, capturing each packet's output.
 *
 * <p>With parallelism 1 (the default) every packet runs on the caller's thread, and {@link
 * #executeCallableAsync} returns an already completed future. With parallelism N &gt; 1, {@link
 * #executeCallableAsync} runs packets on a pool of N daemon threads, created on first use and
 * stopped by {@link #close()}; {@link #executeCallable} still runs on the caller's thread, since a
 * blocking call gains nothing from a hop. Java has no global interpreter lock, so CPU-bound packets
 * scale with N up to the number of cores.
 *
 * <p>Option read by {@link #withOptions}: {@value #PARALLELISM_OPTION} (an integer &ge; 1).
 */
public final class LocalExecutor implements JavaFunctionExecutor {

  /** This executor's type id. */
  public static final String TYPE_ID = "local.v0";

  /** The option that sets the number of pool threads. */
  public static final String PARALLELISM_OPTION = "parallelism";

  private static final AtomicInteger POOL_COUNTER = new AtomicInteger();

  private final int parallelism;
  private final Object lock = new Object();
  private @Nullable ExecutorService pool;
  private boolean closed;

  /** A local executor that runs packets on the caller's thread. */
  public LocalExecutor() {
    this(1);
  }

  /**
   * A local executor that runs asynchronous packets on {@code parallelism} threads.
   *
   * @throws InvalidExecutorOptionException if {@code parallelism < 1}
   */
  public LocalExecutor(int parallelism) {
    if (parallelism < 1) {
      throw new InvalidExecutorOptionException(PARALLELISM_OPTION, "an integer >= 1", parallelism);
    }
    this.parallelism = parallelism;
  }

  /** The number of threads asynchronous packets run on (1 means the caller's thread). */
  public int parallelism() {
    return parallelism;
  }

  @Override
  public String executorTypeId() {
    return TYPE_ID;
  }

  @Override
  public Set<String> supportedFunctionTypeIds() {
    return Set.of(JAVA_FUNCTION_TYPE_ID);
  }

  @Override
  public boolean supportsConcurrentExecution() {
    return parallelism > 1;
  }

  @Override
  public LocalExecutor withOptions(ExecutorOptions options) {
    int n = options.intValue(PARALLELISM_OPTION).orElse(parallelism);
    if (n < 1) {
      throw new InvalidExecutorOptionException(PARALLELISM_OPTION, "an integer >= 1", n);
    }
    return new LocalExecutor(n);
  }

  @Override
  public <T> T executeCallable(Callable<T> callable, PacketLogger logger) throws Exception {
    checkOpen();
    return run(callable, logger);
  }

  @Override
  public <T> CompletableFuture<T> executeCallableAsync(Callable<T> callable, PacketLogger logger) {
    ExecutorService threads = pool();
    CompletableFuture<T> future = new CompletableFuture<>();
    Runnable task =
        () -> {
          try {
            future.complete(run(callable, logger));
          } catch (Throwable t) { // NOPMD: every failure belongs to the future, unchanged
            future.completeExceptionally(t);
          }
        };
    if (threads == null) {
      task.run();
      return future;
    }
    try {
      threads.execute(task);
    } catch (RejectedExecutionException e) {
      throw closedException();
    }
    return future;
  }

  private static <T> T run(Callable<T> callable, PacketLogger logger) throws Exception {
    // Nothing would receive the capture, so skip its cost.
    return logger == PacketLogger.noOp() ? callable.call() : Capture.call(callable, logger);
  }

  @Override
  public void start() {
    pool();
  }

  /** The pool, created on first use; {@code null} when packets run on the caller's thread. */
  private @Nullable ExecutorService pool() {
    synchronized (lock) {
      if (closed) {
        throw closedException();
      }
      if (parallelism > 1 && pool == null) {
        pool = Executors.newFixedThreadPool(parallelism, threadFactory());
      }
      return pool;
    }
  }

  private void checkOpen() {
    synchronized (lock) {
      if (closed) {
        throw closedException();
      }
    }
  }

  private ThreadFactory threadFactory() {
    String prefix = "orcapod-local-" + POOL_COUNTER.incrementAndGet() + "-";
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
      thread.setDaemon(true); // a forgotten close() must not keep the JVM alive
      return thread;
    };
  }

  private static IllegalStateException closedException() {
    return new IllegalStateException(
        "[Orcapod/ExecutorClosed] this LocalExecutor is closed; create a new one (or call"
            + " withOptions(...) on it) to run more packets");
  }

  /** Stops the pool after the packets already submitted have run. Idempotent. */
  @Override
  public void close() {
    ExecutorService toStop;
    synchronized (lock) {
      closed = true;
      toStop = pool;
      pool = null;
    }
    if (toStop != null) {
      toStop.shutdown();
    }
  }

  @Override
  public String toString() {
    return "LocalExecutor[parallelism=" + parallelism + "]";
  }
}
