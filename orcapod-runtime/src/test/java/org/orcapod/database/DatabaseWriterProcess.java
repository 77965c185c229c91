package org.orcapod.database;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.orcapod.database.embedded.EmbeddedArrowDatabase;
import org.orcapod.database.postgres.PostgresArrowDatabase;
import org.orcapod.testing.PostgresAvailable;

/**
 * A child JVM for crash and concurrency tests: writes records in small flushed batches and prints
 * {@code FLUSHED id,id,...} after each flush returned, then {@code DONE}.
 *
 * <p>Arguments: {@code embedded <file> | postgres <schema>}, then {@code forever} (ids r0, r1, …
 * until killed) or {@code overlap <count> <seed>} (ids r0 … r(count-1) in a shuffled order, with
 * skip-duplicates).
 */
public final class DatabaseWriterProcess {
  private DatabaseWriterProcess() {}

  public static void main(String[] args) throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowDatabase db = open(args[0], args[1], allocator)) {
      List<Integer> order = new ArrayList<>();
      boolean forever = args[2].equals("forever");
      if (!forever) {
        int count = Integer.parseInt(args[3]);
        for (int i = 0; i < count; i++) {
          order.add(i);
        }
        Collections.shuffle(order, new Random(Long.parseLong(args[4])));
      }
      int batch = 25;
      for (int start = 0; forever || start < order.size(); start += batch) {
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (int k = start; k < start + batch && (forever || k < order.size()); k++) {
          int n = forever ? k : order.get(k);
          ids.add("r" + n);
          names.add("n" + n);
          values.add((long) n);
        }
        try (VectorSchemaRoot t =
            TestTables.simple(allocator, ids, new ArrayList<>(names), values)) {
          db.addRecords(RecordPath.of("crash", "records"), t, "id", true);
        }
        db.flush();
        System.out.println("FLUSHED " + String.join(",", ids));
        System.out.flush();
      }
    }
    System.out.println("DONE");
  }

  private static ArrowDatabase open(String kind, String target, BufferAllocator allocator) {
    return switch (kind) {
      case "embedded" -> EmbeddedArrowDatabase.open(Path.of(target), allocator);
      case "postgres" ->
          PostgresArrowDatabase.open(PostgresAvailable.dataSource(target), allocator);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  /** Starts this class in a new JVM with the test class path. */
  public static Process start(String... args) throws java.io.IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-opens=java.base/java.nio=org.apache.arrow.memory.core,ALL-UNNAMED");
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(DatabaseWriterProcess.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    return pb.start();
  }
}
