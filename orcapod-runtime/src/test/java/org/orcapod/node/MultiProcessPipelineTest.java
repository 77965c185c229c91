package org.orcapod.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.function.ResultColumns;
import org.orcapod.source.DictSource;
import org.orcapod.source.SourceContext;
import org.orcapod.testing.RequiresPostgres;
import org.orcapod.testing.TestSchemas;

/**
 * Two JVMs running the same pipeline (a source into a function node) on one database at the same
 * moment: both succeed, every input packet has exactly one result row and every pipeline entry
 * exactly one pipeline record, and a third run afterwards computes nothing.
 */
class MultiProcessPipelineTest {

  /** One child JVM: its stdout lines and stderr text, drained on background threads. */
  private static final class Child {
    final Process process;
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    final CountDownLatch ready = new CountDownLatch(1);
    final Thread out;
    final Thread err;

    Child(String kind, String target) throws java.io.IOException {
      process = PipelineRunnerProcess.start(kind, target);
      out =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    lines.add(line);
                    if (line.equals("READY")) {
                      ready.countDown();
                    }
                  }
                } catch (java.io.IOException e) {
                  lines.add("IO " + e);
                }
              });
      err =
          new Thread(
              () -> {
                try {
                  process.getErrorStream().transferTo(stderr);
                } catch (java.io.IOException e) {
                  // The stream closed with the process; what was read is what counts.
                }
              });
      out.setDaemon(true);
      err.setDaemon(true);
      out.start();
      err.start();
    }

    void go() throws java.io.IOException {
      OutputStream in = process.getOutputStream();
      in.write("GO\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
    }

    String stderrText() {
      synchronized (stderr) {
        return stderr.toString(StandardCharsets.UTF_8);
      }
    }
  }

  private static void twoRunsAtOnce(String kind, String target, DatabaseOpener opener)
      throws Exception {
    int rows = PipelineRunnerProcess.ROWS;
    Child a = new Child(kind, target);
    Child b = new Child(kind, target);
    try {
      assertThat(a.ready.await(120, TimeUnit.SECONDS)).as("first child ready").isTrue();
      assertThat(b.ready.await(120, TimeUnit.SECONDS)).as("second child ready").isTrue();
      // Release both runs together so their reads, computations and writes overlap.
      a.go();
      b.go();
      assertThat(a.process.waitFor(240, TimeUnit.SECONDS)).as("first child finished").isTrue();
      assertThat(b.process.waitFor(240, TimeUnit.SECONDS)).as("second child finished").isTrue();
    } finally {
      a.process.destroyForcibly();
      b.process.destroyForcibly();
    }
    a.out.join(10_000);
    b.out.join(10_000);
    a.err.join(10_000);
    b.err.join(10_000);
    for (Child c : List.of(a, b)) {
      String err = c.stderrText();
      assertThat(c.process.exitValue()).as("exit code; stderr:%n%s", err).isZero();
      // slf4j-simple logs to stderr; INFO lines are fine, anything worse is an error.
      assertThat(err).doesNotContain("ERROR", "WARN", "Exception", "\tat ");
      assertThat(c.lines).contains("DONE");
    }
    // Together the two runs computed every packet at least once and served the rest from the
    // cache; each run saw every row.
    int computed = 0;
    for (Child c : List.of(a, b)) {
      String report =
          c.lines.stream().filter(l -> l.startsWith("REPORT ")).findFirst().orElseThrow();
      String[] parts = report.split(" ");
      int cComputed = Integer.parseInt(parts[1]);
      int cCached = Integer.parseInt(parts[2]);
      assertThat(cComputed + cCached).as("rows seen by one run").isEqualTo(rows);
      computed += cComputed;
    }
    assertThat(computed).as("packets computed by both runs").isBetween(rows, 2 * rows);

    SourceContext ctx = SourceContext.defaultContext();
    try (BufferAllocator allocator = new RootAllocator();
        ArrowDatabase db = opener.open(allocator)) {
      try (DictSource source = PipelineRunnerProcess.source(ctx, allocator);
          FunctionNode node = PipelineRunnerProcess.node(source, db, ctx, allocator)) {
        try (VectorSchemaRoot results = node.resultCache().allRecords(allocator)) {
          assertThat(results).isNotNull();
          assertThat(results.getRowCount()).as("result rows").isEqualTo(rows);
          assertThat(distinct(results, ResultColumns.PACKET_ID)).hasSize(rows);
          assertThat(distinct(results, ResultColumns.INPUT_PACKET_HASH)).hasSize(rows);
        }
        try (VectorSchemaRoot records =
            db.at(PipelineRunnerProcess.PIPELINE_SCOPE)
                .getAllRecords(node.nodePath(), ResultColumns.PIPELINE_ENTRY_ID, allocator)) {
          assertThat(records).isNotNull();
          assertThat(records.getRowCount()).as("pipeline records").isEqualTo(rows);
          assertThat(distinct(records, ResultColumns.PIPELINE_ENTRY_ID)).hasSize(rows);
        }
        // A third run, in this JVM, finds everything cached.
        PipelineRunnerProcess.CALLS.set(0);
        RunReport third = node.run();
        assertThat(third.computed()).isZero();
        assertThat(third.cached()).isEqualTo(rows);
        assertThat(PipelineRunnerProcess.CALLS.get()).isZero();
        Set<Long> ys = new HashSet<>();
        node.rows().forEach(tp -> ys.add((Long) tp.packet().get("y")));
        assertThat(ys).hasSize(rows).contains(1L, 10L * (rows - 1) + 1);
      }
    }
  }

  private static Set<String> distinct(VectorSchemaRoot root, String column) {
    FieldVector v = root.getVector(column);
    assertThat(v).as("column %s", column).isNotNull();
    Set<String> out = new HashSet<>();
    for (int i = 0; i < root.getRowCount(); i++) {
      out.add(String.valueOf(v.getObject(i)));
    }
    return out;
  }

  @FunctionalInterface
  private interface DatabaseOpener {
    ArrowDatabase open(BufferAllocator allocator) throws Exception;
  }

  @Nested
  class Embedded {
    @TempDir Path dir;

    @Test
    @Timeout(300)
    void twoJvmsRunningTheSamePipelineStoreEachResultOnce() throws Exception {
      Path file = dir.resolve("pipeline.db");
      twoRunsAtOnce(
          "embedded",
          file.toString(),
          a -> org.orcapod.database.embedded.EmbeddedArrowDatabase.open(file, a));
    }
  }

  @Nested
  @RequiresPostgres
  class Postgres {
    @Test
    @Timeout(300)
    void twoJvmsRunningTheSamePipelineStoreEachResultOnce() throws Exception {
      String schema = TestSchemas.create();
      try {
        twoRunsAtOnce(
            "postgres",
            schema,
            a ->
                org.orcapod.database.postgres.PostgresArrowDatabase.open(
                    org.orcapod.testing.PostgresAvailable.dataSource(schema), a));
      } finally {
        TestSchemas.drop(schema);
      }
    }
  }
}
