package org.orcapod.operator.predicate;

import java.util.Comparator;

/** Normalisation, ordering and display of predicate literals. */
final class Literal {
  private Literal() {}

  /** Orders literals by kind (boolean, number, string), then by value. */
  static final Comparator<Object> ORDER =
      Comparator.comparingInt(Literal::rank)
          .thenComparing(
              (a, b) -> {
                if (a instanceof Boolean x) {
                  return Boolean.compare(x, (Boolean) b);
                }
                if (a instanceof String x) {
                  return x.compareTo((String) b);
                }
                if (a instanceof Long x && b instanceof Long y) {
                  return Long.compare(x, y);
                }
                return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
              });

  private static int rank(Object v) {
    if (v instanceof Boolean) {
      return 0;
    }
    if (v instanceof Number) {
      return 1;
    }
    return 2;
  }

  /**
   * {@code value} as a Long, Double, String or Boolean.
   *
   * @throws IllegalArgumentException naming the column when the value has another type
   */
  static Object of(String column, Object value) {
    if (value instanceof Long || value instanceof Double || value instanceof String) {
      return value;
    }
    if (value instanceof Boolean) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    throw new IllegalArgumentException(
        "predicate on column '"
            + column
            + "': literal "
            + value
            + " has type "
            + (value == null ? "null" : value.getClass().getName())
            + "; use a long, double, String or boolean literal");
  }

  /** A readable literal: strings quoted. */
  static String display(Object v) {
    if (v instanceof String s) {
      return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
    return String.valueOf(v);
  }
}
