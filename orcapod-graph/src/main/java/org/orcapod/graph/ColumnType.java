package org.orcapod.graph;

import java.util.Map;
import java.util.Objects;

/**
 * The type of one column: a canonical Java type name and whether nulls are allowed.
 *
 * <p>Scalar names are the primitive spelling whether the user wrote a primitive or its box ({@code
 * long} for {@code long} and {@code Long}); others are simple names ({@code String}, {@code Path},
 * {@code LocalDate}, {@code BigDecimal}, {@code byte[]}, a record's simple name) and lists are
 * {@code List<E>} with the boxed element name.
 *
 * @param name canonical type name, never blank
 * @param nullable whether the column may hold nulls
 */
public record ColumnType(String name, boolean nullable) {
  private static final Map<String, String> BOXES =
      Map.of("long", "Long", "double", "Double", "boolean", "Boolean");

  /** Checks the name. */
  public ColumnType {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a column type needs a name");
    }
  }

  /** A non-null column of the named type. */
  public static ColumnType of(String name) {
    return new ColumnType(name, false);
  }

  /** A nullable column of the named type. */
  public static ColumnType nullableOf(String name) {
    return new ColumnType(name, true);
  }

  /** The non-null {@code List<E>} of this type, as batching and merge-joins produce. */
  public ColumnType listOf() {
    return of("List<" + BOXES.getOrDefault(name, name) + ">");
  }

  /** This type with the given nullability. */
  public ColumnType withNullable(boolean isNullable) {
    return new ColumnType(name, isNullable);
  }

  /**
   * Whether a value of this type may flow into a slot of type {@code target}: the names are equal,
   * and a nullable value only flows into a nullable slot.
   */
  public boolean assignableTo(ColumnType target) {
    return name.equals(target.name) && (!nullable || target.nullable);
  }

  /** The type as messages show it, nullability included: {@code "double (nullable)"}. */
  public String describe() {
    return name + (nullable ? " (nullable)" : " (non-null)");
  }

  @Override
  public String toString() {
    return describe();
  }
}
