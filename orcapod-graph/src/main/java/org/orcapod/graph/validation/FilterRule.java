package org.orcapod.graph.validation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orcapod.graph.Anchor;
import org.orcapod.graph.Column;
import org.orcapod.graph.Messages;
import org.orcapod.graph.Node;
import org.orcapod.graph.NodeSpec;
import org.orcapod.graph.RowSchema;
import org.orcapod.graph.predicate.Predicate;
import org.orcapod.graph.predicate.Predicate.ColumnTest;
import org.orcapod.graph.predicate.Predicate.Literal;
import org.orcapod.graph.predicate.PredicateSyntaxException;

/**
 * Filter: the predicate parses, names existing columns, and compares each with literals of a
 * matching kind. The schema is the input's.
 */
final class FilterRule implements NodeRule {
  @Override
  public @Nullable RowSchema apply(Node node, List<NamedSchema> inputs, DiagnosticSink sink) {
    if (!Arity.exactly(node, 1, sink)) {
      return null;
    }
    String text = ((NodeSpec.Filter) node.spec()).predicate();
    Anchor at = Anchor.annotation(node.name(), "value");
    Predicate predicate;
    try {
      predicate = Predicate.parse(text);
    } catch (PredicateSyntaxException e) {
      sink.report(Messages.invalidPredicate(node.name(), text, e.getMessage()), at);
      return null;
    }
    RowSchema in = inputs.get(0).schema();
    int before = sink.count();
    for (ColumnTest test : predicate.tests()) {
      Column column = in.column(test.column()).orElse(null);
      if (column == null) {
        sink.report(
            Messages.unknownColumn(
                "The predicate of @Filter node '" + node.name() + "'",
                test.column(),
                node.name(),
                in.columnNames(),
                "Test only columns of the input."),
            at);
        continue;
      }
      for (Literal literal : test.literals()) {
        String expected = expectation(column, literal, test.ordering());
        if (expected != null) {
          sink.report(
              Messages.literalMismatch(
                  node.name(), column.name(), column.type(), describe(literal), expected),
              at);
        }
      }
    }
    return sink.count() == before ? in : null;
  }

  private static String describe(Literal literal) {
    return literal.kind().name().toLowerCase(java.util.Locale.ROOT)
        + " literal "
        + literal.canonical();
  }

  /** Null when the literal fits the column, else what to write instead. */
  private static @Nullable String expectation(Column column, Literal literal, boolean ordering) {
    String type = column.type().name();
    switch (type) {
      case "long":
        return literal.kind() == Predicate.LiteralKind.INTEGER
            ? null
            : "Compare it with a whole number such as 42.";
      case "double":
      case "BigDecimal":
        return literal.kind() == Predicate.LiteralKind.INTEGER
                || literal.kind() == Predicate.LiteralKind.DECIMAL
            ? null
            : "Compare it with a number such as 101.3.";
      case "boolean":
        if (ordering) {
          return "Booleans have no order; compare with = or != only.";
        }
        return literal.kind() == Predicate.LiteralKind.BOOLEAN
            ? null
            : "Compare it with true or false.";
      case "String":
        return literal.kind() == Predicate.LiteralKind.STRING
            ? null
            : "Compare it with a quoted string such as 'exp1'.";
      case "LocalDate":
        if (literal.kind() == Predicate.LiteralKind.STRING) {
          try {
            LocalDate.parse(literal.value());
            return null;
          } catch (DateTimeParseException e) {
            return "Write the date as an ISO date string such as '2024-05-01'.";
          }
        }
        return "Compare it with an ISO date string such as '2024-05-01'.";
      case "Path":
        if (ordering) {
          return "Paths have no order; compare with = or != only.";
        }
        return literal.kind() == Predicate.LiteralKind.STRING
            ? null
            : "Compare it with a quoted path string.";
      default:
        return "Columns of type "
            + type
            + " cannot be compared with literals; test them with 'is null' / 'is not null', or"
            + " filter on a scalar column computed by a packet function.";
    }
  }
}
