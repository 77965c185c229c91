package org.orcapod.execution.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.junit.jupiter.api.Test;

class ArrowIpcBatchesTest {

  @Test
  void roundTripsValuesAndNullsWithoutLeaking() {
    try (RootAllocator allocator = new RootAllocator()) {
      byte[] bytes;
      try (VectorSchemaRoot root = sample(allocator, 0, 4)) {
        ((VarCharVector) root.getVector("name")).setNull(2);
        bytes = ArrowIpcBatches.encode(root);
      }
      try (VectorSchemaRoot back = ArrowIpcBatches.decode(bytes, allocator)) {
        assertThat(back.getRowCount()).isEqualTo(4);
        assertThat(back.getSchema().getFields()).extracting("name").containsExactly("id", "name");
        assertThat(((BigIntVector) back.getVector("id")).get(3)).isEqualTo(3L);
        VarCharVector names = (VarCharVector) back.getVector("name");
        assertThat(new String(names.get(1), StandardCharsets.UTF_8)).isEqualTo("p1");
        assertThat(names.isNull(2)).isTrue();
      }
    } // closing the allocator throws if any buffer leaked
  }

  @Test
  void anEmptyBatchKeepsItsSchema() {
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = sample(allocator, 0, 0);
        VectorSchemaRoot back = ArrowIpcBatches.decode(ArrowIpcBatches.encode(root), allocator)) {
      assertThat(back.getRowCount()).isZero();
      assertThat(back.getSchema()).isEqualTo(root.getSchema());
    }
  }

  @Test
  void aStreamOfSeveralBatchesIsConcatenatedInOrder() throws Exception {
    try (RootAllocator allocator = new RootAllocator()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (VectorSchemaRoot root = sample(allocator, 0, 3);
          ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
        writer.start();
        writer.writeBatch();
        fill(root, 3, 2);
        writer.writeBatch();
        writer.end();
      }
      try (VectorSchemaRoot back = ArrowIpcBatches.decode(out.toByteArray(), allocator)) {
        BigIntVector ids = (BigIntVector) back.getVector("id");
        assertThat(back.getRowCount()).isEqualTo(5);
        assertThat(new long[] {ids.get(0), ids.get(2), ids.get(3), ids.get(4)})
            .containsExactly(0, 2, 3, 4);
      }
    }
  }

  @Test
  void bytesThatAreNotAnIpcStreamAreRejectedWithTheirLength() {
    try (RootAllocator allocator = new RootAllocator()) {
      assertThatThrownBy(() -> ArrowIpcBatches.decode(new byte[] {1, 2, 3}, allocator))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not an Arrow IPC stream (3 bytes)");
    }
  }

  private static VectorSchemaRoot sample(RootAllocator allocator, int first, int rows) {
    BigIntVector id = new BigIntVector("id", allocator);
    VarCharVector name = new VarCharVector("name", allocator);
    VectorSchemaRoot root = VectorSchemaRoot.of(id, name);
    fill(root, first, rows);
    return root;
  }

  private static void fill(VectorSchemaRoot root, int first, int rows) {
    BigIntVector id = (BigIntVector) root.getVector("id");
    VarCharVector name = (VarCharVector) root.getVector("name");
    id.allocateNew(rows);
    name.allocateNew(rows);
    for (int i = 0; i < rows; i++) {
      id.set(i, first + i);
      name.setSafe(i, ("p" + (first + i)).getBytes(StandardCharsets.UTF_8));
    }
    root.setRowCount(rows);
  }
}
