package org.orcapod.benchmarks;

import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.orcapod.execution.ExecutorOptions;
import org.orcapod.execution.JavaFunctionExecutor;
import org.orcapod.execution.LocalExecutor;
import org.orcapod.execution.PacketLogger;
import org.orcapod.execution.ray.RayDriver;
import org.orcapod.execution.ray.RayExecutor;

/**
 * 10,000 trivial packets (x → x + 1) through {@link RayExecutor} on a running cluster, with
 * batching on and off, beside {@link LocalExecutor}; prints the wall times and ratios. Trivial
 * packets measure the per-packet cost of the executor itself: Ray's task scheduling, serialization
 * and capture in the worker.
 *
 * <p>Needs a head and the wheel's jar (see docs/ray.md): {@code source .ci/lib/ray.sh &&
 * ci_start_ray}, then {@code java $(flags) -cp
 * benchmarks/target/benchmarks.jar:$ORCAPOD_RAY_DIST_JAR
 * org.orcapod.benchmarks.RayExecutorBenchmark $ORCAPOD_RAY_ADDRESS [packets]}, with the driver's
 * {@code --add-opens} flags from docs/ray.md.
 */
public final class RayExecutorBenchmark {

  private RayExecutorBenchmark() {}

  /** The packet function. */
  static Callable<Long> plusOne(long x) {
    return (Callable<Long> & Serializable) () -> x + 1;
  }

  /** Runs every packet asynchronously and waits; returns the wall time in milliseconds. */
  static double run(JavaFunctionExecutor executor, int packets) {
    AtomicInteger recorded = new AtomicInteger();
    PacketLogger logger = fields -> recorded.incrementAndGet();
    long start = System.nanoTime();
    List<CompletableFuture<Long>> results = new ArrayList<>(packets);
    for (int p = 0; p < packets; p++) {
      results.add(executor.executeCallableAsync(plusOne(p), logger));
    }
    long sum = 0;
    for (CompletableFuture<Long> result : results) {
      sum += result.join();
    }
    double ms = (System.nanoTime() - start) / 1e6;
    long expected = (long) packets * (packets + 1) / 2;
    if (sum != expected || recorded.get() != packets) {
      throw new IllegalStateException(
          "wrong results: sum " + sum + " (expected " + expected + "), " + recorded + " records");
    }
    return ms;
  }

  /**
   * Prints the times and ratios.
   *
   * @param args the head address {@code host:port}, then optionally the number of packets
   */
  public static void main(String[] args) {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: RayExecutorBenchmark <host:port> [packets]");
    }
    int packets = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    RayExecutor base = RayExecutor.connect(args[0]);
    Map<String, Double> ms = new java.util.LinkedHashMap<>();
    try (LocalExecutor local = new LocalExecutor(2)) {
      run(local, packets); // warm-up
      ms.put("local (2 threads)", run(local, packets));
    }
    for (int batch : new int[] {100, 1}) {
      try (RayExecutor ray =
          base.withOptions(ExecutorOptions.of(Map.of("batch_size", batch, "max_in_flight", 2)))) {
        run(ray, packets); // warm-up: starts the worker JVMs and lets their JIT compile
        ms.put("ray batch_size=" + batch, run(ray, packets));
      }
    }
    RayDriver.shutdown();
    double localMs = ms.get("local (2 threads)");
    System.out.printf("%,d trivial packets, load average %.2f at start%n", packets, load);
    ms.forEach(
        (name, t) ->
            System.out.printf(
                "  %-20s %9.0f ms  %8.3f ms/packet  %8.1fx local%n",
                name, t, t / packets, t / localMs));
    System.out.printf(
        "  batching speed-up on Ray: %.1fx%n",
        ms.get("ray batch_size=1") / ms.get("ray batch_size=100"));
  }
}
