package org.orcapod.benchmarks;

import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.execution.ExecutorOptions;
import org.orcapod.execution.JavaFunctionExecutor;
import org.orcapod.execution.LocalExecutor;
import org.orcapod.execution.PacketFunctionExecutor;
import org.orcapod.execution.PacketLogger;
import org.orcapod.execution.ray.RayDriver;
import org.orcapod.execution.ray.RayExecutor;
import org.orcapod.function.FunctionPod;
import org.orcapod.function.FunctionPodStream;
import org.orcapod.function.JavaPacketFunction;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.pipeline.RunOptions;
import org.orcapod.pipeline.RunResult;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;

/**
 * 10,000 trivial packets (x → x + 1) through {@link RayExecutor} on a running cluster, with
 * batching on and off, beside {@link LocalExecutor}; prints the wall times and ratios. Trivial
 * packets measure the per-packet cost of the executor itself: Ray's task scheduling, serialization
 * and capture in the worker.
 *
 * <p>Two paths are measured: a function node in a pipeline (the packets travel as Arrow IPC
 * batches, the function as a reference the worker rebuilds; what pipelines use), and bare {@code
 * executeCallableAsync} calls (each callable Java-serialized, several per task when batched). Each
 * configuration runs once to warm up (new worker JVMs, JIT), then once measured; every pipeline run
 * has a fresh in-memory database, so every packet is computed.
 *
 * <p>Needs a head and the wheel's jar (see docs/ray.md): {@code source .ci/lib/ray.sh &&
 * ci_start_ray}, then {@code java $(flags) -cp
 * benchmarks/target/benchmarks.jar:$ORCAPOD_RAY_DIST_JAR
 * org.orcapod.benchmarks.RayExecutorBenchmark $ORCAPOD_RAY_ADDRESS [packets]}, with the driver's
 * {@code --add-opens} flags from docs/ray.md.
 */
public final class RayExecutorBenchmark {

  private RayExecutorBenchmark() {}

  /** The packet function of the node: {@code y = x + 1}. */
  public static long plusOne(long x) {
    return x + 1;
  }

  /** The packet function as a callable. */
  static Callable<Long> plusOneCall(long x) {
    return (Callable<Long> & Serializable) () -> x + 1;
  }

  /** Runs every packet asynchronously and waits; returns the wall time in milliseconds. */
  static double run(JavaFunctionExecutor executor, int packets) {
    AtomicInteger recorded = new AtomicInteger();
    PacketLogger logger = fields -> recorded.incrementAndGet();
    long start = System.nanoTime();
    List<CompletableFuture<Long>> results = new ArrayList<>(packets);
    for (int p = 0; p < packets; p++) {
      results.add(executor.executeCallableAsync(plusOneCall(p), logger));
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
   * Runs a pipeline {@code source(x = 0..packets-1) → plus_one} with {@code executor} on every
   * function node, on a fresh in-memory database; returns the wall time of {@code run} in
   * milliseconds (building the source and compiling are not counted).
   */
  static double runNode(PacketFunctionExecutor executor, int packets) throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      SourceContext ctx = SourceContext.defaultContext();
      List<Map<String, Object>> rows = new ArrayList<>(packets);
      for (long i = 0; i < packets; i++) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", i);
        r.put("x", i);
        rows.add(r);
      }
      Method m = RayExecutorBenchmark.class.getMethod("plusOne", long.class);
      JavaPacketFunction fn =
          JavaPacketFunction.ofMethod(m, null, "plus_one", "v1.0", List.of("x"), List.of("y"));
      double ms;
      long outputRows;
      try (ArrowDatabase db = InMemoryArrowDatabase.create(allocator);
          DictSource src = DictSource.of(rows, List.of("id"), null, ctx, allocator);
          FunctionPodStream node = new FunctionPod(fn, ctx).process(allocator, src);
          Pipeline p = Pipeline.builder("ray_bench", db, allocator).build()) {
        p.add(node);
        p.compile();
        long start = System.nanoTime();
        RunResult result = p.run(RunOptions.defaults().withExecutor(executor));
        ms = (System.nanoTime() - start) / 1e6;
        if (!result.succeeded()) {
          throw new IllegalStateException("the run failed: " + result);
        }
        outputRows = p.functionNode("plus_one").rows().size();
        if (outputRows != packets) {
          throw new IllegalStateException(outputRows + " output rows, expected " + packets);
        }
      }
      return ms;
    }
  }

  /**
   * Prints the times and ratios.
   *
   * @param args the head address {@code host:port}, then optionally the number of packets
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: RayExecutorBenchmark <host:port> [packets]");
    }
    int packets = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    RayExecutor base = RayExecutor.connect(args[0]);
    Map<String, Double> node = new LinkedHashMap<>();
    try (LocalExecutor local = new LocalExecutor(2)) {
      runNode(local, packets); // warm-up
      node.put("local (2 threads)", runNode(local, packets));
    }
    for (int batch : new int[] {100, 1}) {
      try (RayExecutor ray =
          base.withOptions(ExecutorOptions.of(Map.of("batch_size", batch, "max_in_flight", 2)))) {
        runNode(ray, packets); // warm-up
        node.put("ray batch_size=" + batch, runNode(ray, packets));
      }
    }
    Map<String, Double> ms = new LinkedHashMap<>();
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
    System.out.printf("%,d trivial packets, load average %.2f at start%n", packets, load);
    print("function node in a pipeline (packets as Arrow IPC batches)", node, packets);
    print("bare executeCallableAsync (Java-serialized callables)", ms, packets);
  }

  private static void print(String title, Map<String, Double> ms, int packets) {
    System.out.println(title);
    double localMs = ms.get("local (2 threads)");
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
