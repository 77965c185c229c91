package org.orcapod.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A cross-check of {@link ArrowHashBenchmark} for a loaded machine: it alternates the four
 * benchmark bodies in one thread and compares their thread CPU time, which other processes cannot
 * inflate the way they inflate wall-clock time.
 *
 * <p>Usage: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -cp
 * benchmarks/target/benchmarks.jar org.orcapod.benchmarks.ArrowHashCpuRatio [rounds]}; the first
 * third of the rounds is warm-up.
 */
public final class ArrowHashCpuRatio {
  private ArrowHashCpuRatio() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    ArrowHashBenchmark bench = new ArrowHashBenchmark();
    bench.createTables();
    try {
      String[] names = {
        "hasherFixedWidth", "sha256FixedWidth", "hasherWithStrings", "sha256WithStrings"
      };
      @SuppressWarnings("unchecked")
      Supplier<Object>[] bodies =
          new Supplier[] {
            bench::hasherFixedWidth,
            bench::sha256FixedWidth,
            bench::hasherWithStrings,
            bench::sha256WithStrings
          };
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      long[] cpu = new long[bodies.length];
      int warmup = rounds / 3;
      int sink = 0;
      for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < bodies.length; k++) {
          long t0 = mx.getCurrentThreadCpuTime();
          sink += bodies[k].get().hashCode();
          long t = mx.getCurrentThreadCpuTime() - t0;
          if (r >= warmup) {
            cpu[k] += t;
          }
        }
      }
      int measured = rounds - warmup;
      for (int k = 0; k < bodies.length; k++) {
        System.out.printf(
            Locale.ROOT, "%-18s %7.2f ms CPU/op%n", names[k], cpu[k] / 1e6 / measured);
      }
      System.out.printf(
          Locale.ROOT,
          "CPU-time ratio (SHA-256 time / hasher time): fixed-width %.0f%% (target >= 60%%),"
              + " with utf8 %.0f%% (target >= 40%%)   [%d]%n",
          100.0 * cpu[1] / cpu[0],
          100.0 * cpu[3] / cpu[2],
          sink & 1);
    } finally {
      bench.close();
    }
  }
}
