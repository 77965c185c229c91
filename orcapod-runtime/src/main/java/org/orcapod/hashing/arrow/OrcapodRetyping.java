package org.orcapod.hashing.arrow;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The schema Python orcapod hands to starfix for a table.
 *
 * <p>Before hashing, orcapod rebuilds every struct and list column from Python values (to replace
 * semantic structs by their hashes) and infers the rebuilt column's type from its first non-null
 * row: each struct child becomes a new field that is nullable, each list element field becomes
 * nullable ({@code pa.list_(t)}), and the element type comes from the first element of that row's
 * list. Where the value inspected is null (or the list is empty) the original type is kept
 * unchanged, including the nullability of its own children. Top-level columns keep their name and
 * nullability; other columns are untouched. Only the schema changes; the values are the same.
 */
final class OrcapodRetyping {
  private OrcapodRetyping() {}

  static Schema retype(Schema schema, List<VectorSchemaRoot> batches) {
    List<Field> fields = schema.getFields();
    List<Field> out = new ArrayList<>(fields.size());
    for (int c = 0; c < fields.size(); c++) {
      Field field = fields.get(c);
      out.add(retypeColumn(field, c, batches));
    }
    return new Schema(out, schema.getCustomMetadata());
  }

  private static Field retypeColumn(Field field, int column, List<VectorSchemaRoot> batches) {
    if (!isRebuilt(field.getType())) {
      return field;
    }
    for (VectorSchemaRoot batch : batches) {
      ValueVector vector = batch.getVector(column);
      int rows = batch.getRowCount();
      for (int r = 0; r < rows; r++) {
        if (!vector.isNull(r)) {
          return new Field(
              field.getName(), field.getFieldType(), inferredChildren(field, vector, r));
        }
      }
    }
    return field;
  }

  /** orcapod rebuilds exactly the columns of these types; the rest are passed through. */
  private static boolean isRebuilt(ArrowType type) {
    return switch (type.getTypeID()) {
      case Struct, List, LargeList, FixedSizeList, Map -> true;
      default -> false;
    };
  }

  /** The children of {@code field}'s type as inferred from its non-null value at {@code row}. */
  private static List<Field> inferredChildren(Field field, ValueVector vector, int row) {
    switch (field.getType().getTypeID()) {
      case Struct -> {
        StructVector struct = (StructVector) vector;
        List<Field> children = field.getChildren();
        List<Field> out = new ArrayList<>(children.size());
        for (int k = 0; k < children.size(); k++) {
          Field child = children.get(k);
          ValueVector childVector = struct.getChildByOrdinal(k);
          out.add(nullableField(child, childVector.isNull(row) ? null : childVector, row));
        }
        return out;
      }
      case List, LargeList -> {
        Field element = field.getChildren().get(0);
        long from;
        long to;
        ValueVector values;
        if (vector instanceof LargeListVector list) {
          from = list.getOffsetBuffer().getLong((long) row * 8);
          to = list.getOffsetBuffer().getLong((long) (row + 1) * 8);
          values = list.getDataVector();
        } else {
          ListVector list = (ListVector) vector;
          from = list.getOffsetBuffer().getInt((long) row * 4);
          to = list.getOffsetBuffer().getInt((long) (row + 1) * 4);
          values = list.getDataVector();
        }
        ValueVector first = to > from && !values.isNull((int) from) ? values : null;
        return List.of(renamed(nullableField(element, first, (int) from), "item"));
      }
      default -> {
        // Fixed-size lists and maps cannot be hashed by starfix 0.2.0; they are rejected before.
        return field.getChildren();
      }
    }
  }

  /**
   * A nullable field with {@code original}'s name and type, its children inferred from {@code
   * vector} at {@code row}, or kept as they are when {@code vector} is null (a null value).
   */
  private static Field nullableField(Field original, @Nullable ValueVector vector, int row) {
    List<Field> children =
        vector == null || !isRebuilt(original.getType())
            ? original.getChildren()
            : inferredChildren(original, vector, row);
    return new Field(
        original.getName(),
        new FieldType(true, original.getType(), original.getDictionary()),
        children);
  }

  private static Field renamed(Field field, String name) {
    return new Field(name, field.getFieldType(), field.getChildren());
  }
}
