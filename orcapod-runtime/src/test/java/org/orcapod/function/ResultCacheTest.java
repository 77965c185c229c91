package org.orcapod.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.RecordPath;
import org.orcapod.database.embedded.EmbeddedArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;

class ResultCacheTest {
  @TempDir Path dir;

  private ArrowDatabase open(String kind, BufferAllocator allocator) {
    return kind.equals("memory")
        ? InMemoryArrowDatabase.create(allocator)
        : EmbeddedArrowDatabase.open(dir.resolve("results.sqlite"), allocator);
  }

  /** Rows of (packet id, input hash, timestamp). */
  private static VectorSchemaRoot rows(BufferAllocator allocator, String[]... rows) {
    List<String> names =
        List.of(
            ResultColumns.PACKET_ID, ResultColumns.INPUT_PACKET_HASH, ResultColumns.POD_TIMESTAMP);
    VectorSchemaRoot root =
        VectorSchemaRoot.create(
            new Schema(
                names.stream().map(n -> Field.nullable(n, ArrowType.Utf8.INSTANCE)).toList()),
            allocator);
    root.allocateNew();
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < 3; c++) {
        ((VarCharVector) root.getVector(c)).setSafe(r, rows[r][c].getBytes(StandardCharsets.UTF_8));
      }
    }
    root.setRowCount(rows.length);
    return root;
  }

  private static String packetOf(ResultCache.Lookup lookup, String hash) {
    int row = lookup.rowOfHash(hash);
    return row < 0
        ? null
        : lookup.table().getVector(ResultColumns.PACKET_ID).getObject(row).toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "sqlite"})
  void lookupReadsOnlyTheAskedHashesAndTheNewestRowOfEachWins(String kind) {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowDatabase db = open(kind, allocator)) {
      ResultCache cache = new ResultCache(db, RecordPath.of("fn", "v0"));
      try (VectorSchemaRoot t =
          rows(
              allocator,
              new String[] {"p1", "h1", "2026-01-01T00:00:01Z"},
              new String[] {"p2", "h2", "2026-01-01T00:00:01Z"},
              new String[] {"p3", "h3", "2026-01-01T00:00:01Z"})) {
        cache.store(t);
      }
      db.flush();
      // A newer result of h1 (pending) and an older one of h2 (pending).
      try (VectorSchemaRoot t =
          rows(
              allocator,
              new String[] {"p1b", "h1", "2026-01-01T00:00:09Z"},
              new String[] {"p2b", "h2", "2026-01-01T00:00:00Z"})) {
        cache.store(t);
      }
      try (ResultCache.Lookup lookup = cache.lookup(List.of("h1", "h2", "h9"), allocator)) {
        assertThat(lookup.size()).isEqualTo(4); // p1, p1b, p2, p2b: never h3's row
        assertThat(packetOf(lookup, "h1")).isEqualTo("p1b");
        assertThat(packetOf(lookup, "h2")).isEqualTo("p2");
        assertThat(lookup.rowOfHash("h3")).isEqualTo(-1);
        assertThat(lookup.rowOfHash("h9")).isEqualTo(-1);
        assertThat(lookup.rowOfPacketId("p1")).isNotNegative();
        assertThat(lookup.rowOfPacketId("p3")).isEqualTo(-1);
      }
      db.flush();
      try (ResultCache.Lookup lookup = cache.lookup(List.of("h3"), allocator)) {
        assertThat(lookup.size()).isEqualTo(1);
        assertThat(packetOf(lookup, "h3")).isEqualTo("p3");
      }
      try (ResultCache.Lookup lookup = cache.lookup(List.of(), allocator)) {
        assertThat(lookup.size()).isZero();
      }
    }
  }
}
