package org.orcapod.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.orcapod.execution.LocalExecutor;
import org.orcapod.execution.PacketLogger;

/**
 * A CPU-bound packet function (about 1 ms per packet on an idle core) run for 2,000 packets through
 * {@link LocalExecutor} with 1 and with 2 threads, capture included. Java has no global interpreter
 * lock, so on two free cores the 2-thread run should take about half as long.
 *
 * <p>Run {@link #main} to print the ratio: {@code java -cp benchmarks/target/benchmarks.jar
 * org.orcapod.benchmarks.LocalExecutorBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LocalExecutorBenchmark {
  static final int PACKETS = 2_000;

  /** Xorshift rounds per packet; about 1 ms on one idle core of the development machine. */
  static final int WORK_PER_PACKET = 700_000;

  @Param({"1", "2"})
  public int threads;

  private LocalExecutor executor;
  private PacketLogger logger;
  private final AtomicInteger recorded = new AtomicInteger();

  @Setup(Level.Trial)
  public void start() {
    executor = new LocalExecutor(threads);
    executor.start();
    // A real (not no-op) logger, so every packet pays for its capture as in a pipeline.
    logger = fields -> recorded.incrementAndGet();
  }

  @TearDown(Level.Trial)
  public void stop() {
    executor.close();
  }

  /** The packet function: pure CPU, no allocation, result depends on the input. */
  static long work(long seed) {
    long x = seed | 1;
    for (int i = 0; i < WORK_PER_PACKET; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
    }
    return x;
  }

  /** Runs all packets (submitted at once, as a node does when the executor is concurrent). */
  @Benchmark
  public long runPackets() {
    List<CompletableFuture<Long>> results = new ArrayList<>(PACKETS);
    for (int p = 0; p < PACKETS; p++) {
      long seed = p;
      results.add(executor.executeCallableAsync(() -> work(seed), logger));
    }
    long sum = 0;
    for (CompletableFuture<Long> result : results) {
      sum += result.join();
    }
    return sum;
  }

  /** Runs the benchmark and prints the 1-thread / 2-thread time ratio and the machine's load. */
  public static void main(String[] args) throws Exception {
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder().include(LocalExecutorBenchmark.class.getName() + ".").build())
            .run();
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Map<String, Double> msPerRun = new java.util.TreeMap<>();
    for (RunResult result : results) {
      msPerRun.put(result.getParams().getParam("threads"), result.getPrimaryResult().getScore());
    }
    double one = msPerRun.get("1");
    double two = msPerRun.get("2");
    System.out.printf(
        "LocalExecutor, %d packets: 1 thread %.0f ms (%.2f ms/packet), 2 threads %.0f ms;"
            + " speed-up %.2fx on %d available processors; load average %.2f before, %.2f"
            + " after%n",
        PACKETS,
        one,
        one / PACKETS,
        two,
        one / two,
        Runtime.getRuntime().availableProcessors(),
        loadBefore,
        loadAfter);
  }
}
