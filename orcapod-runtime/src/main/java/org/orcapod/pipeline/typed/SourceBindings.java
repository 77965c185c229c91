package org.orcapod.pipeline.typed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;
import org.orcapod.schema.Schema;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamSchema;

/**
 * Checks the sources bound to a generated pipeline against the records its source nodes declare:
 * every source node is bound, and each bound source has exactly the record's tag and packet
 * columns, with the same Arrow types and nullability.
 */
public final class SourceBindings {
  private SourceBindings() {}

  /**
   * Checks that every source node has a source.
   *
   * @param sources the bound source of each source node, by node name (null: unbound)
   * @throws SourceBindingException {@code Orcapod/UnboundSource} naming every unbound node
   */
  public static void requireBound(
      String pipeline, Map<String, ? extends @Nullable Stream> sources) {
    List<String> unbound = new ArrayList<>();
    sources.forEach(
        (node, source) -> {
          if (source == null) {
            unbound.add(node);
          }
        });
    if (!unbound.isEmpty()) {
      List<String> calls = new ArrayList<>();
      for (String n : unbound) {
        calls.add("." + n + "(source)");
      }
      throw new SourceBindingException(
          "Orcapod/UnboundSource",
          unbound.get(0),
          null,
          "pipeline '"
              + pipeline
              + "' has unbound source node"
              + (unbound.size() == 1 ? " " : "s ")
              + String.join(", ", unbound.stream().map(n -> "'" + n + "'").toList())
              + "; bind each on the builder before build(): "
              + String.join("", calls));
    }
  }

  /**
   * Checks that {@code source} has exactly the declared schema.
   *
   * @param node the source node's name
   * @param record the declared row record's name
   * @param declared the record's tag and packet schemas
   * @throws SourceBindingException {@code Orcapod/SourceSchemaMismatch} naming the node, the first
   *     column that differs, both sides and the fix
   */
  public static void check(
      String pipeline, String node, String record, StreamSchema declared, Stream source) {
    Objects.requireNonNull(source, node);
    StreamSchema actual = source.outputSchema();
    compare(pipeline, node, record, "tag", declared.tag(), actual.tag(), actual.packet());
    compare(pipeline, node, record, "packet", declared.packet(), actual.packet(), actual.tag());
  }

  private static void compare(
      String pipeline,
      String node,
      String record,
      String role,
      Schema declared,
      Schema actual,
      Schema otherRole) {
    String where = "source node '" + node + "' of pipeline '" + pipeline + "' declares " + record;
    for (Field d : declared.fields()) {
      Field a = actual.field(d.getName());
      if (a == null) {
        String other = otherRole.contains(d.getName()) ? "other" : null;
        throw mismatch(
            node,
            d.getName(),
            where
                + " with "
                + role
                + " column '"
                + d.getName()
                + "', but the bound source "
                + (other != null
                    ? "has it as a " + (role.equals("tag") ? "packet" : "tag") + " column"
                    : "has no such "
                        + role
                        + " column (its "
                        + role
                        + " columns: "
                        + actual.names()
                        + ")")
                + "; "
                + (other != null
                    ? "make it a " + role + " column of the source (e.g. tagColumns(...))"
                    : "give the source that column, or change the record")
                + " so that they match");
      }
      if (!sameType(d, a)) {
        throw mismatch(
            node,
            d.getName(),
            where
                + " with "
                + role
                + " column '"
                + d.getName()
                + "' of type "
                + describe(d)
                + ", but the bound source has "
                + describe(a)
                + "; convert the source's column or change the record's component type");
      }
      if (d.isNullable() != a.isNullable()) {
        throw mismatch(
            node,
            d.getName(),
            where
                + " with "
                + (d.isNullable() ? "nullable " : "non-nullable ")
                + role
                + " column '"
                + d.getName()
                + "', but the bound source's column is "
                + (a.isNullable() ? "nullable" : "non-nullable")
                + "; "
                + (d.isNullable()
                    ? "declare the source's column nullable"
                    : "annotate the component @Nullable, or give the source a non-nullable"
                        + " column (e.g. infer nullability from data without nulls)"));
      }
    }
    for (Field a : actual.fields()) {
      if (!declared.contains(a.getName())) {
        throw mismatch(
            node,
            a.getName(),
            where
                + " with "
                + role
                + " columns "
                + declared.names()
                + ", but the bound source also has "
                + role
                + " column '"
                + a.getName()
                + "'; drop it from the source or add it to the record");
      }
    }
  }

  private static SourceBindingException mismatch(String node, String column, String message) {
    return new SourceBindingException("Orcapod/SourceSchemaMismatch", node, column, message);
  }

  /** Same Arrow type, and the same children (names, types, nullability), recursively. */
  private static boolean sameType(Field d, Field a) {
    if (!d.getType().equals(a.getType())) {
      return false;
    }
    List<Field> dc = d.getChildren();
    List<Field> ac = a.getChildren();
    if (dc.size() != ac.size()) {
      return false;
    }
    for (int i = 0; i < dc.size(); i++) {
      Field x = dc.get(i);
      Field y = ac.get(i);
      boolean sameName = x.getName().equals(y.getName()) || d.getChildren().size() == 1;
      if (!sameName || x.isNullable() != y.isNullable() || !sameType(x, y)) {
        return false;
      }
    }
    return true;
  }

  private static String describe(Field f) {
    StringBuilder b = new StringBuilder(f.getType().toString());
    if (!f.getChildren().isEmpty()) {
      List<String> children = new ArrayList<>();
      for (Field c : f.getChildren()) {
        children.add(c.getName() + ": " + describe(c) + (c.isNullable() ? "?" : ""));
      }
      b.append('<').append(String.join(", ", children)).append('>');
    }
    return b.toString();
  }
}
