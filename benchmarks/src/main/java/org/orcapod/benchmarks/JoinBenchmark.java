package org.orcapod.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.orcapod.context.DataContext;
import org.orcapod.operator.Join;
import org.orcapod.operator.OperatorContext;
import org.orcapod.operator.OperatorStream;
import org.orcapod.stream.ArrowTableStream;

/**
 * Join of two 100,000-row streams on one {@code long} tag, beside a plain {@code HashMap} join of
 * the same data in the same run. Every key matches once, so the output has 100,000 rows.
 *
 * <p>The orcapod side runs the whole operator: input validation, tables of both inputs with
 * system-tag and source-info columns, hash join over the key vectors, gather of every column and
 * the output stream. The baseline builds a {@code HashMap<Long, Integer>} over the right keys and
 * writes the joined rows into three {@code long[]} columns.
 *
 * <p>Run {@code main} to get both scores and their ratio printed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx2g"})
public class JoinBenchmark {
  static final int ROWS = 100_000;

  private BufferAllocator allocator;
  private ArrowTableStream left;
  private ArrowTableStream right;
  private OperatorContext context;
  private long[] leftIds;
  private long[] leftValues;
  private long[] rightIds;
  private long[] rightValues;

  /** Builds both streams (and the same data as Java arrays) once. */
  @Setup(Level.Trial)
  public void setUp() {
    allocator = new RootAllocator();
    Random random = new Random(42);
    leftIds = shuffledIds(random);
    rightIds = shuffledIds(random);
    leftValues = new long[ROWS];
    rightValues = new long[ROWS];
    for (int i = 0; i < ROWS; i++) {
      leftValues[i] = random.nextLong();
      rightValues[i] = random.nextLong();
    }
    left = stream("a", leftIds, leftValues);
    right = stream("b", rightIds, rightValues);
    context = new OperatorContext(DataContext.defaultContext().semanticHasher(), allocator);
  }

  private static long[] shuffledIds(Random random) {
    long[] ids = new long[ROWS];
    for (int i = 0; i < ROWS; i++) {
      ids[i] = i;
    }
    for (int i = ROWS - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long t = ids[i];
      ids[i] = ids[j];
      ids[j] = t;
    }
    return ids;
  }

  private ArrowTableStream stream(String packet, long[] ids, long[] values) {
    List<FieldVector> vectors = new ArrayList<>();
    vectors.add(column("id", ids));
    vectors.add(column(packet, values));
    try (VectorSchemaRoot root = new VectorSchemaRoot(vectors)) {
      root.setRowCount(ROWS);
      return ArrowTableStream.of(root, List.of("id"), allocator);
    }
  }

  private BigIntVector column(String name, long[] values) {
    BigIntVector v = new BigIntVector(name, allocator);
    v.allocateNew(values.length);
    for (int i = 0; i < values.length; i++) {
      v.set(i, values[i]);
    }
    v.setValueCount(values.length);
    return v;
  }

  /** Releases the streams and checks the allocator for leaks. */
  @TearDown(Level.Trial)
  public void tearDown() {
    left.close();
    right.close();
    allocator.close();
  }

  /** The orcapod Join operator, computed and released. */
  @Benchmark
  public int orcapodJoin() {
    try (OperatorStream joined = new Join().process(context, left, right)) {
      return joined.rowCount();
    }
  }

  /** A plain HashMap join of the same data into three long[] columns. */
  @Benchmark
  public long[][] hashMapJoin() {
    Map<Long, Integer> index = new HashMap<>(ROWS * 2);
    for (int r = 0; r < ROWS; r++) {
      index.put(rightIds[r], r);
    }
    long[] id = new long[ROWS];
    long[] a = new long[ROWS];
    long[] b = new long[ROWS];
    int n = 0;
    for (int l = 0; l < ROWS; l++) {
      Integer r = index.get(leftIds[l]);
      if (r != null) {
        id[n] = leftIds[l];
        a[n] = leftValues[l];
        b[n] = rightValues[r];
        n++;
      }
    }
    return new long[][] {id, a, b};
  }

  /**
   * Runs both benchmarks and prints their scores and the ratio orcapod / HashMap.
   *
   * @param args ignored
   * @throws RunnerException when JMH fails
   */
  public static void main(String[] args) throws RunnerException {
    if (args.length > 0 && args[0].equals("cpu")) {
      cpuRatio(args.length > 1 ? Integer.parseInt(args[1]) : 30);
      return;
    }
    Collection<RunResult> results =
        new Runner(new OptionsBuilder().include(JoinBenchmark.class.getName() + "\\.").build())
            .run();
    double orcapod = Double.NaN;
    double hashMap = Double.NaN;
    for (RunResult r : results) {
      String label = r.getPrimaryResult().getLabel();
      double score = r.getPrimaryResult().getScore();
      if (label.equals("orcapodJoin")) {
        orcapod = score;
      } else if (label.equals("hashMapJoin")) {
        hashMap = score;
      }
    }
    System.out.printf(
        "join of two %,d-row streams on one long tag: orcapod %.3f ms, HashMap %.3f ms,"
            + " ratio %.2fx (target <= 3x)%n",
        ROWS, orcapod, hashMap, orcapod / hashMap);
  }

  /**
   * Alternates the two benchmark bodies in this thread for {@code rounds} rounds and compares their
   * thread CPU time (the first third of the rounds are warm-up), so that other users of a shared
   * machine cannot inflate one side's time.
   */
  static void cpuRatio(int rounds) {
    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    JoinBenchmark b = new JoinBenchmark();
    b.setUp();
    try {
      long orcapod = 0;
      long hashMap = 0;
      int measured = 0;
      int sink = 0;
      for (int r = 0; r < rounds; r++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        sink += b.orcapodJoin();
        long t1 = cpu.getCurrentThreadCpuTime();
        sink += b.hashMapJoin()[0].length;
        long t2 = cpu.getCurrentThreadCpuTime();
        if (r >= rounds / 3) {
          orcapod += t1 - t0;
          hashMap += t2 - t1;
          measured++;
        }
      }
      System.out.printf(
          "CPU time per join over %d rounds: orcapod %.3f ms, HashMap %.3f ms, ratio %.2fx"
              + " (target <= 3x) [%d]%n",
          measured,
          orcapod / 1e6 / measured,
          hashMap / 1e6 / measured,
          (double) orcapod / hashMap,
          sink);
    } finally {
      b.tearDown();
    }
  }
}
