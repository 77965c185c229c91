package org.orcapod.hashing.arrow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/** Reads the golden-vector files under {@code src/test/resources/org/orcapod/hashing/arrow}. */
final class IpcFixtures {
  private IpcFixtures() {}

  /** The non-comment rows of a tab-separated cases file. */
  static List<String[]> cases(String resource) {
    try (InputStream in = open(resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Arrays.stream(text.split("\n"))
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split("\t"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputStream open(String resource) {
    return Objects.requireNonNull(
        IpcFixtures.class.getResourceAsStream(resource), "missing test resource " + resource);
  }

  static ArrowStreamReader reader(String resource, BufferAllocator allocator) {
    return new ArrowStreamReader(open(resource), allocator);
  }

  /** Copies every batch of the reader into its own root; the caller closes them. */
  static List<VectorSchemaRoot> readAll(ArrowStreamReader reader, BufferAllocator allocator)
      throws IOException {
    List<VectorSchemaRoot> out = new ArrayList<>();
    VectorSchemaRoot root = reader.getVectorSchemaRoot();
    while (reader.loadNextBatch()) {
      VectorSchemaRoot copy = VectorSchemaRoot.create(root.getSchema(), allocator);
      try (ArrowRecordBatch batch = new VectorUnloader(root).getRecordBatch()) {
        new VectorLoader(copy).load(batch);
      }
      out.add(copy);
    }
    return out;
  }

  static void closeAll(List<VectorSchemaRoot> roots) {
    for (VectorSchemaRoot r : roots) {
      r.close();
    }
  }
}
