package org.orcapod.graph.identity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.orcapod.graph.Column;
import org.orcapod.graph.RowSchema;
import org.orcapod.graph.predicate.Predicate;

/**
 * The canonical form of the runtime predicate that the processor builds for a {@code @Filter}, as
 * the runtime's {@code Predicate.canonicalForm()}: comparisons {@code ("cmp", column, symbol,
 * literal)}, {@code ("in", column, [sorted distinct literals])}, {@code ("is_null", column)} and
 * {@code ("is_not_null", column)} (the negation of a null test being the opposite test), {@code
 * ("not", p)}, and and/or flattened, their operands sorted by their readable form and
 * de-duplicated.
 */
final class FilterIdentity {
  private FilterIdentity() {}

  /** A runtime predicate: its readable form (the sort key) and canonical form. */
  private record Node(String kind, String display, Object canonical, List<Node> operands) {}

  /** Orders literals as the runtime does: booleans, then numbers, then strings. */
  private static final Comparator<Object> LITERAL_ORDER =
      Comparator.comparingInt(FilterIdentity::rank)
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

  static Object canonical(Predicate predicate, RowSchema schema) {
    return node(predicate, schema).orElseThrow().canonical();
  }

  private static Optional<Node> node(Predicate p, RowSchema schema) {
    if (p instanceof Predicate.And a) {
      return combine("and", " and ", "true", a.left(), a.right(), schema);
    }
    if (p instanceof Predicate.Or o) {
      return combine("or", " or ", "false", o.left(), o.right(), schema);
    }
    if (p instanceof Predicate.Not n && n.operand() instanceof Predicate.IsNull t) {
      // The runtime's not() turns a null test into the opposite one.
      return node(new Predicate.IsNull(t.column(), !t.negated()), schema);
    }
    if (p instanceof Predicate.Not n) {
      return node(n.operand(), schema)
          .map(
              x ->
                  new Node(
                      "not",
                      "not " + x.display(),
                      PipelineHashes.tuple(List.<Object>of("not", x.canonical())),
                      List.of()));
    }
    if (p instanceof Predicate.Comparison c) {
      Object literal = literal(c.literal(), columnType(schema, c.column()));
      String symbol = c.operator() == Predicate.Operator.EQ ? "==" : c.operator().symbol();
      return Optional.of(
          new Node(
              "cmp",
              c.column() + " " + symbol + " " + display(literal),
              PipelineHashes.tuple(List.<Object>of("cmp", c.column(), symbol, literal)),
              List.of()));
    }
    if (p instanceof Predicate.In in) {
      TreeSet<Object> sorted = new TreeSet<>(LITERAL_ORDER);
      String type = columnType(schema, in.column());
      for (Predicate.Literal l : in.values()) {
        sorted.add(literal(l, type));
      }
      List<String> shown = new ArrayList<>();
      for (Object v : sorted) {
        shown.add(display(v));
      }
      return Optional.of(
          new Node(
              "in",
              in.column() + " in [" + String.join(", ", shown) + "]",
              PipelineHashes.tuple(
                  List.<Object>of("in", in.column(), new ArrayList<Object>(sorted))),
              List.of()));
    }
    if (p instanceof Predicate.IsNull t) {
      return Optional.of(
          new Node(
              "is_null",
              t.column() + (t.negated() ? " is not null" : " is null"),
              PipelineHashes.tuple(
                  List.<Object>of(t.negated() ? "is_not_null" : "is_null", t.column())),
              List.of()));
    }
    throw new IllegalArgumentException("unknown predicate " + p);
  }

  /** {@code allOf}/{@code anyOf} of two operands, flattened, sorted and distinct. */
  private static Optional<Node> combine(
      String kind, String separator, String empty, Predicate l, Predicate r, RowSchema schema) {
    Optional<Node> left = node(l, schema);
    Optional<Node> right = node(r, schema);
    if (left.isEmpty() || right.isEmpty()) {
      return Optional.empty();
    }
    List<Node> flat = new ArrayList<>();
    for (Node n : List.of(left.get(), right.get())) {
      if (n.kind().equals(kind)) {
        flat.addAll(n.operands());
      } else {
        flat.add(n);
      }
    }
    flat.sort(Comparator.comparing(Node::display));
    Map<String, Node> distinct = new LinkedHashMap<>();
    for (Node n : flat) {
      distinct.putIfAbsent(n.display() + "\u0000" + PipelineHashes.json(n.canonical()), n);
    }
    List<Node> operands = List.copyOf(distinct.values());
    List<Object> canonical = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    for (Node n : operands) {
      canonical.add(n.canonical());
      shown.add(n.display());
    }
    String display = operands.isEmpty() ? empty : "(" + String.join(separator, shown) + ")";
    return Optional.of(
        new Node(kind, display, PipelineHashes.tuple(List.<Object>of(kind, canonical)), operands));
  }

  /** The literal the processor writes into the generated predicate, as the runtime holds it. */
  private static Object literal(Predicate.Literal l, String columnType) {
    return switch (l.kind()) {
      case STRING -> l.value();
      case BOOLEAN -> Boolean.parseBoolean(l.value());
      case INTEGER ->
          columnType.equals("long") ? (Object) Long.parseLong(l.value()) : parseDouble(l.value());
      case DECIMAL -> parseDouble(l.value());
    };
  }

  private static Double parseDouble(String text) {
    return Double.parseDouble(text);
  }

  private static String columnType(RowSchema schema, String column) {
    return schema.column(column).map(Column::type).map(t -> t.name()).orElse("String");
  }

  private static int rank(Object v) {
    if (v instanceof Boolean) {
      return 0;
    }
    if (v instanceof Number) {
      return 1;
    }
    return 2;
  }

  /** The runtime's readable literal: strings quoted, numbers as Java prints them. */
  private static String display(Object v) {
    if (v instanceof String s) {
      return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
    return String.valueOf(v);
  }

  /** Python's {@code json.dumps} of a float: its {@code repr}, or {@code NaN}/{@code Infinity}. */
  static String floatJson(double x) {
    if (Double.isNaN(x)) {
      return "NaN";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "Infinity" : "-Infinity";
    }
    if (x == 0) {
      return (Double.doubleToRawLongBits(x) < 0) ? "-0.0" : "0.0";
    }
    BigDecimal shortest = shortestRoundTrip(Math.abs(x)).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int decpt = digits.length() - shortest.scale();
    StringBuilder sb = new StringBuilder(24);
    if (x < 0) {
      sb.append('-');
    }
    if (decpt <= -4 || decpt > 16) {
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      int exp = decpt - 1;
      sb.append('e').append(exp < 0 ? '-' : '+');
      int absExp = Math.abs(exp);
      if (absExp < 10) {
        sb.append('0');
      }
      sb.append(absExp);
    } else if (decpt <= 0) {
      sb.append("0.").append("0".repeat(-decpt)).append(digits);
    } else if (decpt >= digits.length()) {
      sb.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
    } else {
      sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
    }
    return sb.toString();
  }

  /** The shortest decimal that reads back as {@code x} (positive, finite), as CPython's repr. */
  private static BigDecimal shortestRoundTrip(double x) {
    BigDecimal exact = new BigDecimal(x);
    for (int p = 1; p < 17; p++) {
      BigDecimal nearest = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (Double.parseDouble(nearest.toString()) == x) {
        return nearest;
      }
      BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
      BigDecimal other =
          down.compareTo(nearest) == 0 ? exact.round(new MathContext(p, RoundingMode.UP)) : down;
      if (Double.parseDouble(other.toString()) == x) {
        return other;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }
}
