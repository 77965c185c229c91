package org.orcapod.operator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;
import org.orcapod.error.MissingColumnException;
import org.orcapod.schema.SystemConstants;
import org.orcapod.stream.Identity;
import org.orcapod.stream.Stream;
import org.orcapod.stream.StreamKeys;

/**
 * The shared shape of the four column selection operators: a list of column names and a {@code
 * strict} flag, with Python's identity {@code (ClassName, columns, strict)}.
 */
abstract class ColumnOperator extends UnaryOperator {
  private final List<String> columns;
  private final boolean strict;

  ColumnOperator(Collection<String> columns, boolean strict) {
    for (String c : columns) {
      Objects.requireNonNull(c, "column name");
    }
    this.columns = List.copyOf(columns);
    this.strict = strict;
  }

  /** The column names given, in order. */
  public final List<String> columns() {
    return columns;
  }

  /** Whether naming an absent column is an error. */
  public final boolean strict() {
    return strict;
  }

  /** Python's {@code (ClassName, columns, strict)}; the columns are a Python list. */
  @Override
  public final Object identityStructure() {
    return Identity.tuple(getClass().getSimpleName(), columns, strict);
  }

  /** Throws for the first named column missing from {@code available} when strict. */
  final void requirePresent(String role, List<String> available) {
    if (!strict) {
      return;
    }
    for (String c : columns) {
      if (!available.contains(c)) {
        throw new MissingColumnException(
            role + " (" + getClass().getSimpleName() + "; pass strict=false to ignore it)",
            c,
            available);
      }
    }
  }

  /**
   * The input's data, system-tag and source-info columns without {@code dropped} (and, when they
   * are packet columns, without their source-info columns), as a new stream.
   */
  static Stream without(
      OperatorContext context,
      Stream input,
      Collection<String> dropped,
      boolean packets,
      List<String> tagColumns) {
    LinkedHashSet<String> gone = new LinkedHashSet<>(dropped);
    if (packets) {
      for (String d : dropped) {
        gone.add(SystemConstants.sourceInfoColumn(d));
      }
    }
    List<FieldVector> vectors =
        Tables.columns(input, Tables.SOURCE_AND_SYSTEM_TAGS, context.allocator());
    Tables.drop(vectors, gone);
    return Tables.stream(context, vectors, input.rowCount(), tagColumns);
  }

  static List<String> minus(List<String> names, Collection<String> removed) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (!removed.contains(n)) {
        out.add(n);
      }
    }
    return out;
  }

  static StreamKeys dataKeys(Stream input) {
    return input.keys();
  }
}
