package org.orcapod.stream;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.orcapod.error.SourceReadException;
import org.orcapod.hashing.ArrowHasher;
import org.orcapod.hashing.ContentHash;
import org.orcapod.hashing.FileHasher;
import org.orcapod.schema.ArrowValues;
import org.orcapod.schema.TypeMapping;

/**
 * An {@link ArrowHasher} that first does Python orcapod's semantic pre-processing and then
 * delegates: every top-level Path column ({@code struct<path: large_utf8>}) is replaced by a
 * large_utf8 column of {@code path:sha256:<hex of the file's SHA-256>} (nulls stay null, the field
 * keeps its name and nullability), so a table's hash depends on the files' contents, not on where
 * they are. This is what Python's {@code StarfixArrowHasher} does before calling starfix; the
 * delegate does the rest.
 *
 * <p>Path structs nested inside lists or structs are not substituted (Python substitutes them);
 * tables with such columns hash differently from Python's.
 */
public final class SemanticColumnsArrowHasher implements ArrowHasher {
  private static final String PATH_PREFIX = "path:sha256:";

  private final ArrowHasher delegate;
  private final FileHasher fileHasher;

  /**
   * Pre-processes with {@code fileHasher} (SHA-256 of file bytes) and hashes with {@code delegate}.
   */
  public SemanticColumnsArrowHasher(ArrowHasher delegate, FileHasher fileHasher) {
    this.delegate = delegate;
    this.fileHasher = fileHasher;
  }

  @Override
  public String hasherId() {
    return delegate.hasherId();
  }

  @Override
  public ContentHash hashTable(List<VectorSchemaRoot> batches) {
    boolean any = false;
    for (VectorSchemaRoot b : batches) {
      for (Field f : b.getSchema().getFields()) {
        any |= TypeMapping.isPathStruct(f);
      }
    }
    if (!any) {
      return delegate.hashTable(batches);
    }
    List<BufferAllocator> allocators = new ArrayList<>();
    List<FieldVector> created = new ArrayList<>();
    try {
      List<VectorSchemaRoot> converted = new ArrayList<>();
      for (VectorSchemaRoot b : batches) {
        List<FieldVector> cols = new ArrayList<>();
        for (FieldVector v : b.getFieldVectors()) {
          if (v instanceof StructVector s && TypeMapping.isPathStruct(v.getField())) {
            BufferAllocator tmp =
                v.getAllocator().newChildAllocator("path-hashes", 0, Long.MAX_VALUE);
            allocators.add(tmp);
            LargeVarCharVector h = fileHashes(s, b.getRowCount(), tmp);
            created.add(h);
            cols.add(h);
          } else {
            cols.add(v);
          }
        }
        // A root is only a view here; the vectors are closed below or belong to the caller.
        VectorSchemaRoot view = new VectorSchemaRoot(cols);
        view.setRowCount(b.getRowCount());
        converted.add(view);
      }
      return delegate.hashTable(converted);
    } finally {
      created.forEach(FieldVector::close);
      allocators.forEach(BufferAllocator::close);
    }
  }

  private LargeVarCharVector fileHashes(StructVector s, int rows, BufferAllocator allocator) {
    Field f = s.getField();
    LargeVarCharVector out =
        new LargeVarCharVector(
            new Field(
                f.getName(),
                new FieldType(f.isNullable(), ArrowType.LargeUtf8.INSTANCE, null),
                null),
            allocator);
    try {
      out.allocateNew(rows);
      for (int i = 0; i < rows; i++) {
        Object p = ArrowValues.read(s, i);
        if (p != null) {
          String token;
          try {
            token = PATH_PREFIX + fileHasher.hash((Path) p).toHex();
          } catch (UncheckedIOException e) {
            throw new SourceReadException(
                "file '" + p + "' (column '" + f.getName() + "', row " + i + ")",
                "Path columns are hashed by the content of the file they name, so the file must"
                    + " exist and be readable",
                e);
          }
          out.setSafe(i, token.getBytes(StandardCharsets.UTF_8));
        }
      }
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
    out.setValueCount(rows);
    return out;
  }

  /** Hashes the schema as the table hash would see it: Path columns as large_utf8. */
  @Override
  public ContentHash hashSchema(Schema schema) {
    List<Field> fields = new ArrayList<>();
    for (Field f : schema.getFields()) {
      fields.add(
          TypeMapping.isPathStruct(f)
              ? new Field(
                  f.getName(),
                  new FieldType(f.isNullable(), ArrowType.LargeUtf8.INSTANCE, null),
                  null)
              : f);
    }
    return delegate.hashSchema(new Schema(fields, schema.getCustomMetadata()));
  }
}
