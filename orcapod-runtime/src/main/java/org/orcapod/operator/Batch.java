package org.orcapod.operator;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.util.TransferPair;
import org.orcapod.error.InvalidInputsException;
import org.orcapod.schema.Schema;
import org.orcapod.stream.Identity;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamSchema;

/**
 * Groups consecutive rows into batches: every column (tags, packets, system tags, source info)
 * becomes a non-nullable {@code list<T>} whose row holds the values of one batch. {@code batchSize}
 * 0 puts all rows into one batch; otherwise batches hold {@code batchSize} rows and a last, shorter
 * batch is kept unless {@code dropPartialBatch}.
 *
 * <p>The lists are built without copying values: each list column's child vector is the input
 * column itself and only the offsets are written.
 */
public final class Batch extends UnaryOperator {
  private final int batchSize;
  private final boolean dropPartialBatch;

  /** One batch of all rows. */
  public Batch() {
    this(0, false);
  }

  /**
   * Batches of {@code batchSize} rows (0: one batch of all rows).
   *
   * @throws InvalidInputsException when {@code batchSize} is negative
   */
  public Batch(int batchSize, boolean dropPartialBatch) {
    if (batchSize < 0) {
      throw new InvalidInputsException(
          "Batch size must be non-negative but was "
              + batchSize
              + "; use 0 for a single batch of all rows");
    }
    this.batchSize = batchSize;
    this.dropPartialBatch = dropPartialBatch;
  }

  /** The batch size (0: all rows). */
  public int batchSize() {
    return batchSize;
  }

  /** Whether a last, shorter batch is dropped. */
  public boolean dropPartialBatch() {
    return dropPartialBatch;
  }

  /** Python's {@code (ClassName, batch_size, drop_partial_batch)}. */
  @Override
  public Object identityStructure() {
    return Identity.tuple("Batch", batchSize, dropPartialBatch);
  }

  @Override
  protected void validate(Stream input) {
    // Any stream can be batched.
  }

  @Override
  protected StreamSchema outputSchema(Stream input, boolean withSystemTags) {
    StreamSchema s = input.outputSchema(SelectTagColumns.config(withSystemTags));
    return new StreamSchema(listed(s.tag()), listed(s.packet()));
  }

  private static Schema listed(Schema s) {
    List<Field> out = new ArrayList<>();
    for (Field f : s.fields()) {
      out.add(listField(f));
    }
    return Schema.of(out);
  }

  /**
   * {@code list<T>}, non-nullable, with a nullable child as pyarrow's {@code list_(T)}; the child
   * is named as Arrow Java names a list's data vector, so that predicted and computed schemas agree
   * (pyarrow calls it {@code item}; the name enters no hash).
   */
  static Field listField(Field f) {
    Field item =
        new Field(
            ListVector.DATA_VECTOR_NAME,
            new FieldType(true, f.getType(), f.getDictionary(), f.getMetadata()),
            f.getChildren());
    return new Field(f.getName(), FieldType.notNullable(ArrowType.List.INSTANCE), List.of(item));
  }

  @Override
  protected Stream compute(OperatorContext context, Stream input) {
    int rows = input.rowCount();
    List<Integer> sizes = new ArrayList<>();
    if (batchSize == 0) {
      if (rows > 0) {
        sizes.add(rows);
      }
    } else {
      for (int start = 0; start < rows; start += batchSize) {
        int size = Math.min(batchSize, rows - start);
        if (size == batchSize || !dropPartialBatch) {
          sizes.add(size);
        }
      }
    }
    int total = 0;
    for (int s : sizes) {
      total += s;
    }
    BufferAllocator a = context.allocator();
    List<FieldVector> vectors = Tables.columns(input, Tables.SOURCE_AND_SYSTEM_TAGS, a);
    List<FieldVector> out = new ArrayList<>();
    try {
      for (FieldVector v : vectors) {
        out.add(batched(v, sizes, total, a));
      }
    } catch (RuntimeException e) {
      Tables.closeAll(out);
      throw e;
    } finally {
      Tables.closeAll(vectors);
    }
    return Tables.stream(context, out, sizes.size(), input.keys().tag());
  }

  private static ListVector batched(
      FieldVector v, List<Integer> sizes, int total, BufferAllocator a) {
    ListVector list = (ListVector) listField(v.getField()).createVector(a);
    try {
      list.allocateNew();
      TransferPair tp = v.makeTransferPair(list.getDataVector());
      if (total > 0) {
        tp.splitAndTransfer(0, total);
      }
      for (int b = 0; b < sizes.size(); b++) {
        list.startNewValue(b);
        list.endValue(b, sizes.get(b));
      }
      list.setValueCount(sizes.size());
      return list;
    } catch (RuntimeException e) {
      list.close();
      throw e;
    }
  }
}
