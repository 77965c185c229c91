package org.orcapod.graph;

import java.util.Objects;

/**
 * A named, typed column.
 *
 * @param name the column name, as users write it
 * @param type its type and nullability
 */
public record Column(String name, ColumnType type) {
  /** Checks the parts. */
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** A column of a non-null type. */
  public static Column of(String name, String typeName) {
    return new Column(name, ColumnType.of(typeName));
  }

  /** A column of a nullable type. */
  public static Column nullable(String name, String typeName) {
    return new Column(name, ColumnType.nullableOf(typeName));
  }

  @Override
  public String toString() {
    return name + ": " + type.describe();
  }
}
