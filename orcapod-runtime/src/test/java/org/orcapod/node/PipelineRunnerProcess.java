package org.orcapod.node;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.embedded.EmbeddedArrowDatabase;
import org.orcapod.database.postgres.PostgresArrowDatabase;
import org.orcapod.function.FunctionPod;
import org.orcapod.function.JavaPacketFunction;
import org.orcapod.schema.Schema;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;
import org.orcapod.testing.PostgresAvailable;

/**
 * A child JVM for the multi-process pipeline test: builds the same pipeline as every other run (a
 * source of {@link #ROWS} rows into a function node computing {@code y = x + 1}) on one database,
 * prints {@code READY}, waits for a line on stdin so that both children start their runs together,
 * runs the node and prints {@code REPORT computed cached}, then {@code DONE}.
 *
 * <p>Arguments: {@code embedded <file> | postgres <schema>}.
 */
public final class PipelineRunnerProcess {
  static final int ROWS = 200;
  static final String PIPELINE_SCOPE = "pipe";

  /** Calls of the function in this JVM. */
  static final AtomicInteger CALLS = new AtomicInteger();

  private PipelineRunnerProcess() {}

  public static void main(String[] args) throws Exception {
    SourceContext ctx = SourceContext.defaultContext();
    try (BufferAllocator allocator = new RootAllocator();
        ArrowDatabase db = open(args[0], args[1], allocator);
        DictSource source = source(ctx, allocator);
        FunctionNode node = node(source, db, ctx, allocator)) {
      System.out.println("READY");
      System.out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      if (in.readLine() == null) {
        throw new IllegalStateException("parent closed stdin before GO");
      }
      RunReport report = node.run();
      db.flush();
      System.out.println("REPORT " + report.computed() + " " + report.cached());
    }
    System.out.println("DONE");
    System.out.flush();
  }

  static ArrowDatabase open(String kind, String target, BufferAllocator allocator) {
    return switch (kind) {
      case "embedded" -> EmbeddedArrowDatabase.open(Path.of(target), allocator);
      case "postgres" ->
          PostgresArrowDatabase.open(PostgresAvailable.dataSource(target), allocator);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static Field int64(String name) {
    return new Field(name, FieldType.notNullable(new ArrowType.Int(64, true)), null);
  }

  /** The same source in every JVM: tag {@code id = i}, packet {@code x = 10 * i}. */
  static DictSource source(SourceContext ctx, BufferAllocator allocator) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (long i = 0; i < ROWS; i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", i);
      m.put("x", 10 * i);
      rows.add(m);
    }
    return DictSource.of(rows, List.of("id"), null, ctx, allocator);
  }

  /** The same node in every JVM: {@code y = x + 1}, counting calls in {@link #CALLS}. */
  static FunctionNode node(
      DictSource source, ArrowDatabase db, SourceContext ctx, BufferAllocator allocator) {
    JavaPacketFunction addOne =
        JavaPacketFunction.ofLambda(
            "add_one",
            "v1.0",
            Schema.of(List.of(int64("x"))),
            Schema.of(List.of(int64("y"))),
            in -> {
              CALLS.incrementAndGet();
              Map<String, @Nullable Object> out = new HashMap<>();
              out.put("y", (Long) in.get("x") + 1);
              return out;
            });
    return FunctionNode.builder(new FunctionPod(addOne, ctx), source, allocator)
        .pipelineDatabase(db.at(PIPELINE_SCOPE))
        .build();
  }

  /** Starts this class in a new JVM with the test class path; stderr is captured. */
  static Process start(String... args) throws java.io.IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PipelineRunnerProcess.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }
}
