package org.orcapod.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.datagram.Tag;
import org.orcapod.node.NodeExecutionListener;
import org.orcapod.schema.Schema;

/** When the status and logging observers write their rows: groups, immediate mode, node end. */
class WriteBehindTest {
  private static final List<String> PATH = List.of("fn", "schema:abc");

  private static Tag tag(long id) {
    Schema s =
        Schema.of(List.of(new Field("id", FieldType.nullable(new ArrowType.Int(64, true)), null)));
    return new Tag(s, Map.of("id", id), Map.of(), Map.of(), "std:v0.1:default");
  }

  private static int rows(StatusObserver o, BufferAllocator allocator) {
    try (VectorSchemaRoot r = o.status(PATH, allocator)) {
      return r == null ? 0 : r.getRowCount();
    }
  }

  @Test
  void aFullGroupIsWrittenAtOnceAndTheRestWhenTheNodeEnds() {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowDatabase db = InMemoryArrowDatabase.create(allocator)) {
      // an hour of delay: only the row count and the node end can trigger writes here
      StatusObserver o = new StatusObserver(db, allocator, Duration.ofHours(1), 3);
      o.onRunStart("r", "p@0000000000000000");
      NodeExecutionListener l = o.contextualize("h", "fn", PATH);
      l.onNodeStart("fn", "h");
      l.onPacketStart(tag(0), null);
      l.onPacketEnd(tag(0), null, null, false);
      assertThat(rows(o, allocator)).isZero();
      l.onPacketStart(tag(1), null);
      assertThat(rows(o, allocator)).isEqualTo(3);
      l.onPacketEnd(tag(1), null, null, true);
      assertThat(rows(o, allocator)).isEqualTo(3);
      l.onNodeEnd("fn", "h");
      assertThat(rows(o, allocator)).isEqualTo(4);
      o.onRunEnd("r");
    }
  }

  @Test
  void oneRowGroupsWriteEveryEventAsItHappens() {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowDatabase db = InMemoryArrowDatabase.create(allocator)) {
      StatusObserver o = new StatusObserver(db, allocator, Duration.ofHours(1), 1);
      o.onRunStart("r", "p@0000000000000000");
      NodeExecutionListener l = o.contextualize("h", "fn", PATH);
      l.onPacketStart(tag(0), null);
      assertThat(rows(o, allocator)).isEqualTo(1);
      l.onPacketCrash(tag(0), null, new IllegalStateException("x"));
      assertThat(rows(o, allocator)).isEqualTo(2);
      o.onRunEnd("r");
    }
  }

  @Test
  void theTimerWritesAGroupThatIsNotFull() throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowDatabase db = InMemoryArrowDatabase.create(allocator)) {
      StatusObserver o = new StatusObserver(db, allocator, Duration.ofMillis(20), 1000);
      o.onRunStart("r", "p@0000000000000000");
      NodeExecutionListener l = o.contextualize("h", "fn", PATH);
      l.onPacketStart(tag(0), null);
      long deadline =
          System.nanoTime() + Duration.ofSeconds(30).toNanos(); // a cold JVM on a busy machine
      while (rows(o, allocator) == 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(rows(o, allocator)).isEqualTo(1);
      o.onRunEnd("r");
    }
  }

  @Test
  void badSettingsAreRefused() {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowDatabase db = InMemoryArrowDatabase.create(allocator)) {
      assertThatThrownBy(() -> new StatusObserver(db, allocator, Duration.ZERO, 1))
          .hasMessageContaining("[Orcapod/InvalidWriteDelay]");
      assertThatThrownBy(() -> new LoggingObserver(db, allocator, Duration.ofMillis(1), 0))
          .hasMessageContaining("[Orcapod/InvalidWriteBatch]");
    }
  }
}
