package org.orcapod.execution.ray;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;
import org.apache.arrow.vector.util.VectorSchemaRootAppender;

/**
 * Turns one Arrow batch into the bytes that travel as a Ray task argument or result, and back.
 *
 * <p>The format is the Arrow IPC <em>stream</em> format (schema message, one record batch,
 * end-of-stream marker), so any Arrow implementation, including pyarrow on a Python worker, can
 * read it. Ray passes {@code byte[]} arguments without copying them through Java serialization of
 * objects, which keeps Arrow's columnar buffers intact.
 */
public final class ArrowIpcBatches {

  private ArrowIpcBatches() {}

  /**
   * Writes {@code root}'s current rows as one IPC stream.
   *
   * @throws UncheckedIOException if Arrow cannot write the batch (it writes to memory only)
   */
  public static byte[] encode(VectorSchemaRoot root) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
      writer.start();
      writer.writeBatch();
      writer.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write an Arrow IPC batch of " + root.getSchema(), e);
    }
    return out.toByteArray();
  }

  /**
   * Reads one IPC stream written by {@link #encode} into a new root owned by the caller, who must
   * close it. A stream of several batches is concatenated in order.
   *
   * @throws IllegalArgumentException if {@code bytes} is not an Arrow IPC stream
   */
  public static VectorSchemaRoot decode(byte[] bytes, BufferAllocator allocator) {
    try (ArrowStreamReader reader =
        new ArrowStreamReader(new ByteArrayInputStream(bytes), allocator)) {
      VectorSchemaRoot source = reader.getVectorSchemaRoot();
      Schema schema = source.getSchema();
      VectorSchemaRoot result = VectorSchemaRoot.create(schema, allocator);
      try {
        boolean first = true;
        while (reader.loadNextBatch()) {
          appendRows(source, result, first);
          first = false;
        }
        return result;
      } catch (RuntimeException | IOException e) {
        result.close();
        throw e;
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "not an Arrow IPC stream (" + bytes.length + " bytes): " + e.getMessage(), e);
    }
  }

  private static void appendRows(VectorSchemaRoot from, VectorSchemaRoot to, boolean first) {
    if (first) {
      // The first batch moves its buffers without copying.
      List<FieldVector> fromVectors = from.getFieldVectors();
      List<FieldVector> toVectors = to.getFieldVectors();
      for (int i = 0; i < fromVectors.size(); i++) {
        TransferPair pair = fromVectors.get(i).makeTransferPair(toVectors.get(i));
        pair.transfer();
      }
      to.setRowCount(from.getRowCount());
      return;
    }
    VectorSchemaRootAppender.append(to, from);
  }
}
