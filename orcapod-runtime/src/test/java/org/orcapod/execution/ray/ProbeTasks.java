package org.orcapod.execution.ray;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Static Ray task bodies used by the Ray tests; Ray Java tasks are static method references. */
public final class ProbeTasks {

  private ProbeTasks() {}

  /** The process id of the JVM that runs the task. */
  public static long pid() {
    return ProcessHandle.current().pid();
  }

  /**
   * An Arrow batch built in the worker: column {@code x} is 0..rows-1, {@code square} is x*x and
   * {@code pid} the worker's process id.
   */
  public static byte[] squares(int rows) {
    try (RootAllocator allocator = new RootAllocator();
        IntVector x = new IntVector("x", allocator);
        BigIntVector square = new BigIntVector("square", allocator);
        BigIntVector pid = new BigIntVector("pid", allocator)) {
      x.allocateNew(rows);
      square.allocateNew(rows);
      pid.allocateNew(rows);
      for (int i = 0; i < rows; i++) {
        x.set(i, i);
        square.set(i, (long) i * i);
        pid.set(i, ProcessHandle.current().pid());
      }
      try (VectorSchemaRoot root = VectorSchemaRoot.of(x, square, pid)) {
        root.setRowCount(rows);
        return ArrowIpcBatches.encode(root);
      }
    }
  }

  /** Throws the test's own exception type with {@code message}. */
  public static int fail(String message) {
    throw new ProbeFailure(message);
  }

  /**
   * Writes this worker's pid to {@code pidFile} (atomically), then sleeps {@code millis}; the
   * driver kills the worker in between. Returns the pid if it survives.
   */
  public static long reportPidThenSleep(String pidFile, long millis) throws Exception {
    long pid = ProcessHandle.current().pid();
    Path target = Path.of(pidFile);
    Path tmp = target.resolveSibling(target.getFileName() + "." + pid + ".tmp");
    Files.writeString(tmp, Long.toString(pid), StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Thread.sleep(millis);
    return pid;
  }

  /** A user exception type that only the test code defines. */
  public static final class ProbeFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProbeFailure(String message) {
      super(message);
    }
  }

  static long readPid(Path pidFile) throws IOException {
    return Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).strip());
  }
}
