package org.orcapod.benchmarks.database;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.RecordPath;
import org.orcapod.database.embedded.EmbeddedArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;

/**
 * What one result-cache lookup of a 64-row batch costs: reading the whole result path ({@code
 * getAllRecords}, what {@code ResultCache.lookup} did before) against the keyed read of the 64
 * input hashes ({@code getRecordsWithColumnValues}), on the in-memory and the embedded SQLite
 * database, for result tables of the given sizes.
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -cp
 * benchmarks/target/benchmarks.jar org.orcapod.benchmarks.database.ResultLookupBenchmark
 * [rows...]}.
 */
public final class ResultLookupBenchmark {
  private static final RecordPath PATH = RecordPath.of("fn", "v0");
  private static final String HASH = "__input_packet_hash";
  private static final int BATCH = 64;

  private ResultLookupBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String a : args) {
      sizes.add(Integer.parseInt(a));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(10_000, 100_000);
    }
    Path dir = Files.createTempDirectory("orcapod-lookup-bench");
    System.out.println(
        "| database | rows | whole-table read (ms) | keyed 64-hash read (ms) | ratio |");
    System.out.println("|---|---:|---:|---:|---:|");
    for (int rows : sizes) {
      for (String kind : List.of("in-memory", "embedded")) {
        try (BufferAllocator allocator = new RootAllocator();
            ArrowDatabase db =
                kind.equals("in-memory")
                    ? InMemoryArrowDatabase.create(allocator)
                    : EmbeddedArrowDatabase.open(
                        dir.resolve("results-" + rows + ".sqlite"), allocator)) {
          fill(db, rows, allocator);
          Random random = new Random(42);
          int reps = Math.max(3, 200_000 / rows);
          double whole = time(reps, () -> readAll(db, allocator));
          double keyed = time(200, () -> readKeyed(db, rows, random, allocator));
          System.out.printf(
              "| %s | %,d | %.3f | %.3f | %.0fx |%n", kind, rows, whole, keyed, whole / keyed);
        }
      }
    }
  }

  private interface Work {
    void run();
  }

  /** Milliseconds per call: best of 3 rounds of {@code reps} calls after one warm-up round. */
  private static double time(int reps, Work work) {
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 4; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < reps; i++) {
        work.run();
      }
      double ms = (System.nanoTime() - start) / 1e6 / reps;
      if (round > 0) {
        best = Math.min(best, ms);
      }
    }
    return best;
  }

  private static void readAll(ArrowDatabase db, BufferAllocator allocator) {
    try (VectorSchemaRoot r = db.getAllRecords(PATH, "__packet_id", allocator)) {
      if (r == null || r.getRowCount() == 0) {
        throw new IllegalStateException("no rows");
      }
    }
  }

  private static void readKeyed(
      ArrowDatabase db, int rows, Random random, BufferAllocator allocator) {
    List<String> hashes = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      hashes.add(hash(random.nextInt(rows)));
    }
    try (VectorSchemaRoot r =
        db.getRecordsWithColumnValues(PATH, HASH, hashes, "__packet_id", allocator)) {
      if (r == null || r.getRowCount() == 0) {
        throw new IllegalStateException("no rows");
      }
    }
  }

  private static String hash(int i) {
    return String.format("arrow_v2.1:%064x", (long) i * 2654435761L);
  }

  /** A result table shaped like a function's: packet id, input hash, a value, a timestamp. */
  private static void fill(ArrowDatabase db, int rows, BufferAllocator allocator) {
    Schema schema =
        new Schema(
            List.of(
                Field.nullable("__packet_id", ArrowType.Utf8.INSTANCE),
                Field.nullable(HASH, ArrowType.Utf8.INSTANCE),
                Field.nullable("out", ArrowType.Utf8.INSTANCE),
                Field.nullable("__pod_ts", ArrowType.Utf8.INSTANCE)));
    for (int start = 0; start < rows; start += 5_000) {
      int n = Math.min(5_000, rows - start);
      try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
        root.allocateNew();
        for (int r = 0; r < n; r++) {
          int i = start + r;
          set(root, 0, r, "packet-" + i);
          set(root, 1, r, hash(i));
          set(root, 2, r, "value " + i);
          set(root, 3, r, "2026-11-28T00:00:00.000000+00:00");
        }
        root.setRowCount(n);
        db.addRecords(PATH, root, "__packet_id", true);
      }
      db.flush();
    }
  }

  private static void set(VectorSchemaRoot root, int col, int row, String value) {
    ((VarCharVector) root.getVector(col)).setSafe(row, value.getBytes(StandardCharsets.UTF_8));
  }
}
