package org.orcapod.stream;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Zero-copy sharing of whole vectors across allocators: the new vector references the same buffers,
 * accounted to the target allocator, so either side can be closed first (Arrow moves ownership to
 * the surviving allocator). Used instead of {@code splitAndTransfer}, which for large
 * variable-width vectors leaves memory accounted to the source allocator.
 */
public final class VectorSharing {
  private VectorSharing() {}

  /** A vector named {@code name} in {@code target} sharing all of {@code source}'s buffers. */
  public static FieldVector share(FieldVector source, String name, BufferAllocator target) {
    Field f = source.getField();
    return share(source, new Field(name, f.getFieldType(), f.getChildren()), target);
  }

  /**
   * A vector with {@code field} (same type as {@code source}'s; name and nullability may differ) in
   * {@code target} sharing all of {@code source}'s buffers.
   */
  public static FieldVector share(FieldVector source, Field field, BufferAllocator target) {
    FieldVector out = field.createVector(target);
    try {
      load(source, out, target);
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
    return out;
  }

  private static void load(FieldVector source, FieldVector out, BufferAllocator target) {
    int count = source.getValueCount();
    List<ArrowBuf> moved = new ArrayList<>();
    try {
      for (ArrowBuf b : source.getFieldBuffers()) {
        moved.add(b.getReferenceManager().retain(b, target));
      }
      out.loadFieldBuffers(new ArrowFieldNode(count, source.getNullCount()), moved);
    } finally {
      for (ArrowBuf b : moved) {
        b.getReferenceManager().release();
      }
    }
    List<FieldVector> srcChildren = source.getChildrenFromFields();
    List<FieldVector> outChildren = out.getChildrenFromFields();
    for (int i = 0; i < srcChildren.size(); i++) {
      load(srcChildren.get(i), outChildren.get(i), target);
    }
    out.setValueCount(count);
  }
}
