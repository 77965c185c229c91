package org.orcapod.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.orcapod.database.embedded.EmbeddedArrowDatabase;
import org.orcapod.database.postgres.PostgresArrowDatabase;
import org.orcapod.testing.PostgresAvailable;
import org.orcapod.testing.RequiresPostgres;
import org.orcapod.testing.TestSchemas;

/**
 * Child JVMs writing one database: one killed with SIGKILL in the middle of its writes, and two
 * writing overlapping record ids at once.
 */
class MultiProcessDatabaseTest {
  private static final RecordPath PATH = RecordPath.of("crash", "records");

  /** Reads a child's stdout, collecting the ids whose flush returned. */
  private static final class Reader extends Thread {
    final Process process;
    final List<String> flushed = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch enough;
    volatile boolean done;

    Reader(Process process, int flushesWanted) {
      this.process = process;
      this.enough = new CountDownLatch(flushesWanted);
      setDaemon(true);
      start();
    }

    @Override
    public void run() {
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.startsWith("FLUSHED ")) {
            Collections.addAll(flushed, line.substring(8).split(","));
            enough.countDown();
          } else if (line.equals("DONE")) {
            done = true;
          }
        }
      } catch (java.io.IOException e) {
        // The child was killed; what it reported before is what counts.
      }
    }
  }

  private static void crash(String kind, String target, DatabaseOpener opener) throws Exception {
    Process child = DatabaseWriterProcess.start(kind, target, "forever");
    Reader reader = new Reader(child, 40);
    try {
      assertThat(reader.enough.await(120, TimeUnit.SECONDS))
          .as("child flushed 40 batches")
          .isTrue();
    } finally {
      child.destroyForcibly(); // SIGKILL on Linux
      child.waitFor(30, TimeUnit.SECONDS);
      reader.join(10_000);
    }
    assertThat(child.exitValue()).isEqualTo(137); // 128 + SIGKILL
    List<String> flushed = new ArrayList<>(reader.flushed);
    assertThat(flushed).hasSizeGreaterThanOrEqualTo(40 * 25);
    try (BufferAllocator allocator = new RootAllocator();
        ArrowDatabase db = opener.open(allocator)) {
      try (VectorSchemaRoot all = db.getAllRecords(PATH, "id", allocator)) {
        Map<String, String> rows = TestTables.rows(all, "id"); // fails on a repeated id
        for (String id : flushed) {
          assertThat(rows).containsEntry(id, "n" + id.substring(1) + "|" + id.substring(1));
        }
      }
      // Still writable after the crash.
      try (VectorSchemaRoot t = TestTables.single(allocator, "after", 1)) {
        db.addRecord(PATH, "after-crash", t, false);
      }
      db.flush();
      try (VectorSchemaRoot r = db.getRecordById(PATH, "after-crash", null, allocator)) {
        assertThat(r).isNotNull();
      }
    }
  }

  private static void concurrent(String kind, String target, DatabaseOpener opener)
      throws Exception {
    int count = 1000;
    Process a = DatabaseWriterProcess.start(kind, target, "overlap", "" + count, "1");
    Process b = DatabaseWriterProcess.start(kind, target, "overlap", "" + count, "2");
    Reader ra = new Reader(a, 1);
    Reader rb = new Reader(b, 1);
    assertThat(a.waitFor(240, TimeUnit.SECONDS)).isTrue();
    assertThat(b.waitFor(240, TimeUnit.SECONDS)).isTrue();
    ra.join(10_000);
    rb.join(10_000);
    assertThat(a.exitValue()).as("first writer's exit code").isZero();
    assertThat(b.exitValue()).as("second writer's exit code").isZero();
    assertThat(ra.done && rb.done).isTrue();
    assertThat(ra.flushed).hasSize(count);
    assertThat(rb.flushed).hasSize(count);
    try (BufferAllocator allocator = new RootAllocator();
        ArrowDatabase db = opener.open(allocator);
        VectorSchemaRoot all = db.getAllRecords(PATH, "id", allocator)) {
      Map<String, String> rows = TestTables.rows(all, "id"); // fails on a repeated id
      assertThat(all.getRowCount()).isEqualTo(count);
      rows.forEach(
          (id, row) -> assertThat(row).isEqualTo("n" + id.substring(1) + "|" + id.substring(1)));
    }
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
    void aKilledWriterLosesNoFlushedRecordAndLeavesTheFileUsable() throws Exception {
      Path file = dir.resolve("crash.db");
      crash("embedded", file.toString(), a -> EmbeddedArrowDatabase.open(file, a));
      try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
          java.sql.Statement s = c.createStatement();
          java.sql.ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("ok");
      }
    }

    @Test
    @Timeout(300)
    void twoProcessesWritingOverlappingIdsStoreEachOnce() throws Exception {
      Path file = dir.resolve("concurrent.db");
      concurrent("embedded", file.toString(), a -> EmbeddedArrowDatabase.open(file, a));
    }
  }

  @Nested
  @RequiresPostgres
  class Postgres {
    @Test
    @Timeout(300)
    void aKilledWriterLosesNoFlushedRecordAndLeavesTheDatabaseUsable() throws Exception {
      String schema = TestSchemas.create();
      try {
        crash(
            "postgres",
            schema,
            a -> PostgresArrowDatabase.open(PostgresAvailable.dataSource(schema), a));
      } finally {
        TestSchemas.drop(schema);
      }
    }

    @Test
    @Timeout(300)
    void twoProcessesWritingOverlappingIdsStoreEachOnce() throws Exception {
      String schema = TestSchemas.create();
      try {
        concurrent(
            "postgres",
            schema,
            a -> PostgresArrowDatabase.open(PostgresAvailable.dataSource(schema), a));
      } finally {
        TestSchemas.drop(schema);
      }
    }
  }
}
