package org.orcapod.operator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.orcapod.error.IncompatibleTypesException;
import org.orcapod.schema.PythonType;
import org.orcapod.schema.Schema;
import org.orcapod.schema.TypeMapping;

/**
 * Python orcapod's {@code union_schemas} and {@code intersection_schemas}: columns present on both
 * sides must have compatible Python types, which means equal types ({@code int} and {@code int |
 * None} are not compatible), or {@code bool} with {@code int} (bool being a subclass of int).
 */
final class Schemas {
  private Schemas() {}

  /**
   * The field to use for a column present on both sides.
   *
   * @throws IncompatibleTypesException naming the column, both types and the fix
   */
  static Field compatible(Field left, Field right, String where) {
    PythonType l = TypeMapping.pythonType(left);
    PythonType r = TypeMapping.pythonType(right);
    if (l.equals(r)) {
      return left;
    }
    if (l.equals(PythonType.BOOL) && r.equals(PythonType.INT)) {
      return right;
    }
    if (l.equals(PythonType.INT) && r.equals(PythonType.BOOL)) {
      return left;
    }
    throw new IncompatibleTypesException(
        left.getName(),
        where
            + ": it has type "
            + l.displayName()
            + " in one input and "
            + r.displayName()
            + " in the other. Cast one side so both have the same type (nullability included:"
            + " 'int' and 'int | None' differ).");
  }

  /** {@code a}'s columns, then {@code b}'s new ones; shared columns must be compatible. */
  static Schema union(Schema a, Schema b, String where) {
    Map<String, Field> out = new LinkedHashMap<>();
    for (Field f : a.fields()) {
      out.put(f.getName(), f);
    }
    for (Field f : b.fields()) {
      Field mine = out.get(f.getName());
      out.put(f.getName(), mine == null ? f : compatible(mine, f, where));
    }
    return Schema.of(new ArrayList<>(out.values()));
  }

  /** The columns of {@code a} that {@code b} also has, in {@code a}'s order, checked compatible. */
  static Schema intersection(Schema a, Schema b, String where) {
    List<Field> out = new ArrayList<>();
    for (Field f : a.fields()) {
      Field other = b.field(f.getName());
      if (other != null) {
        out.add(compatible(f, other, where));
      }
    }
    return Schema.of(out);
  }

  /** {@code tag} followed by {@code packet} as one schema (a column in both keeps the tag's). */
  static Schema all(Schema tag, Schema packet, String where) {
    return union(tag, packet, where);
  }
}
