package org.orcapod.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.orcapod.hashing.ContentHash;
import org.orcapod.hashing.arrow.StarfixArrowHasher;

/**
 * The arrow_v0.1 hasher on a 1,000,000-row table (int64, float64, 16-character utf8, no nulls)
 * beside plain {@link MessageDigest} SHA-256 over the same value bytes (the columns' data buffers),
 * in the same run.
 *
 * <p>Run {@code main} to get the throughput ratios printed after JMH's table, for example {@code
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar
 * org.orcapod.benchmarks.ArrowHashBenchmark -f 1 -wi 2 -i 3}. The hasher's extra work over the
 * baseline: its string framing (8 length bytes per value), the schema digest and the final digest.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx1g"})
public class ArrowHashBenchmark {
  static final int ROWS = 1_000_000;
  static final int STRING_CHARS = 16;

  private BufferAllocator allocator;
  private VectorSchemaRoot fixedWidth;
  private VectorSchemaRoot withStrings;
  private final StarfixArrowHasher hasher = new StarfixArrowHasher();

  @Setup(Level.Trial)
  public void createTables() {
    allocator = new RootAllocator();
    BigIntVector ints = new BigIntVector("id", allocator);
    Float8Vector floats = new Float8Vector("score", allocator);
    VarCharVector strings = new VarCharVector("label", allocator);
    ints.allocateNew(ROWS);
    floats.allocateNew(ROWS);
    strings.allocateNew((long) ROWS * STRING_CHARS, ROWS);
    for (int i = 0; i < ROWS; i++) {
      ints.set(i, i * 2_654_435_761L);
      floats.set(i, i * 0.37);
      strings.set(
          i, String.format(Locale.ROOT, "row-%012d", i).getBytes(StandardCharsets.US_ASCII));
    }
    ints.setValueCount(ROWS);
    floats.setValueCount(ROWS);
    strings.setValueCount(ROWS);
    fixedWidth = new VectorSchemaRoot(List.<FieldVector>of(ints, floats));
    fixedWidth.setRowCount(ROWS);
    withStrings = new VectorSchemaRoot(List.<FieldVector>of(ints, floats, strings));
    withStrings.setRowCount(ROWS);
  }

  @TearDown(Level.Trial)
  public void close() {
    withStrings.close(); // closes the three vectors shared with fixedWidth
    allocator.close();
  }

  @Benchmark
  public ContentHash hasherFixedWidth() {
    return hasher.hashTable(fixedWidth);
  }

  @Benchmark
  public byte[] sha256FixedWidth() {
    return sha256OfValueBytes(fixedWidth);
  }

  @Benchmark
  public ContentHash hasherWithStrings() {
    return hasher.hashTable(withStrings);
  }

  @Benchmark
  public byte[] sha256WithStrings() {
    return sha256OfValueBytes(withStrings);
  }

  /** Raw SHA-256 over every column's data buffer (values only), read as the hasher reads them. */
  static byte[] sha256OfValueBytes(VectorSchemaRoot table) {
    MessageDigest digest = sha256();
    for (FieldVector v : table.getFieldVectors()) {
      ArrowBuf data = v.getDataBuffer();
      long bytes =
          v instanceof VarCharVector s
              ? s.getOffsetBuffer().getInt((long) table.getRowCount() * 4)
              : (long) table.getRowCount() * 8; // int64 and float64
      digest.update(data.nioBuffer(0, (int) bytes));
    }
    return digest.digest();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs the benchmarks with JMH's command-line options and prints the hasher/SHA-256 ratios. */
  public static void main(String[] args) throws Exception {
    CommandLineOptions cli = new CommandLineOptions(args);
    Options options =
        new OptionsBuilder()
            .parent(cli)
            .include(ArrowHashBenchmark.class.getName().replace("$", "\\$") + "\\.")
            .build();
    Collection<RunResult> results = new Runner(options).run();
    List<String> lines = new ArrayList<>();
    double fixedHasher = score(results, "hasherFixedWidth");
    double fixedSha = score(results, "sha256FixedWidth");
    double strHasher = score(results, "hasherWithStrings");
    double strSha = score(results, "sha256WithStrings");
    double fixedMb = ROWS * 16.0 / 1e6;
    double strMb = ROWS * (16.0 + STRING_CHARS) / 1e6;
    lines.add(
        String.format(
            Locale.ROOT,
            "fixed-width (int64+float64, %.0f MB of values): hasher %.1f MB/s, raw SHA-256 %.1f"
                + " MB/s, ratio %.0f%% (target >= 60%%)",
            fixedMb,
            fixedHasher * fixedMb,
            fixedSha * fixedMb,
            100 * fixedHasher / fixedSha));
    lines.add(
        String.format(
            Locale.ROOT,
            "with utf8 (int64+float64+16-char utf8, %.0f MB of values): hasher %.1f MB/s, raw"
                + " SHA-256 %.1f MB/s, ratio %.0f%% (target >= 40%%)",
            strMb,
            strHasher * strMb,
            strSha * strMb,
            100 * strHasher / strSha));
    System.out.println();
    lines.forEach(System.out::println);
  }

  private static double score(Collection<RunResult> results, String method) {
    for (RunResult r : results) {
      if (r.getParams().getBenchmark().endsWith("." + method)) {
        return r.getPrimaryResult().getScore();
      }
    }
    throw new IllegalStateException("no result for " + method);
  }
}
