package org.orcapod.graph.predicate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A parsed filter predicate; {@link #canonical()} is its stable text form, used in identities. */
public sealed interface Predicate {
  /**
   * The canonical text: fully parenthesised, single spaces, normalised literals. Two predicates
   * with equal canonical text mean the same.
   */
  String canonical();

  /** The column tests in this predicate, left to right. */
  default List<ColumnTest> tests() {
    List<ColumnTest> out = new ArrayList<>();
    collect(this, out);
    return out;
  }

  private static void collect(Predicate p, List<ColumnTest> out) {
    if (p instanceof ColumnTest t) {
      out.add(t);
    } else if (p instanceof And a) {
      collect(a.left(), out);
      collect(a.right(), out);
    } else if (p instanceof Or o) {
      collect(o.left(), out);
      collect(o.right(), out);
    } else if (p instanceof Not n) {
      collect(n.operand(), out);
    }
  }

  /** Parses predicate text; see {@link PredicateParser}. */
  static Predicate parse(String text) throws PredicateSyntaxException {
    return new PredicateParser(text).parse();
  }

  /** A test of one column. */
  sealed interface ColumnTest extends Predicate {
    /** The column tested. */
    String column();

    /** The literals the column is compared with (empty for null tests). */
    List<Literal> literals();

    /** Whether the test orders values ({@code < <= > >=}) rather than comparing equality. */
    default boolean ordering() {
      return false;
    }
  }

  /** A comparison operator. */
  enum Operator {
    EQ("="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /** The canonical symbol. */
    public String symbol() {
      return symbol;
    }
  }

  /**
   * A literal value.
   *
   * @param kind what kind of literal
   * @param value its normalised text (strings without quotes)
   */
  record Literal(LiteralKind kind, String value) {
    /** Checks the parts. */
    public Literal {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(value, "value");
    }

    /** The literal as canonical text. */
    public String canonical() {
      return kind == LiteralKind.STRING ? "'" + value.replace("'", "''") + "'" : value;
    }
  }

  /** The kinds of literal. */
  enum LiteralKind {
    /** An integer, for example {@code 42} or {@code -3}. */
    INTEGER,
    /** A decimal number, for example {@code 101.3} or {@code 1e-3}. */
    DECIMAL,
    /** A single-quoted string. */
    STRING,
    /** {@code true} or {@code false}. */
    BOOLEAN
  }

  /**
   * {@code column op literal}.
   *
   * @param column the column
   * @param operator the comparison
   * @param literal the value
   */
  record Comparison(String column, Operator operator, Literal literal) implements ColumnTest {
    @Override
    public String canonical() {
      return column + " " + operator.symbol() + " " + literal.canonical();
    }

    @Override
    public List<Literal> literals() {
      return List.of(literal);
    }

    @Override
    public boolean ordering() {
      return operator != Operator.EQ && operator != Operator.NE;
    }
  }

  /**
   * {@code column in (literal, ...)}.
   *
   * @param column the column
   * @param values the allowed values
   */
  record In(String column, List<Literal> values) implements ColumnTest {
    /** Copies the list. */
    public In {
      values = List.copyOf(values);
    }

    @Override
    public String canonical() {
      return column
          + " in ("
          + String.join(", ", values.stream().map(Literal::canonical).toList())
          + ")";
    }

    @Override
    public List<Literal> literals() {
      return values;
    }
  }

  /**
   * {@code column is null} or {@code column is not null}.
   *
   * @param column the column
   * @param negated true for {@code is not null}
   */
  record IsNull(String column, boolean negated) implements ColumnTest {
    @Override
    public String canonical() {
      return column + (negated ? " is not null" : " is null");
    }

    @Override
    public List<Literal> literals() {
      return List.of();
    }
  }

  /**
   * Both hold.
   *
   * @param left first operand
   * @param right second operand
   */
  record And(Predicate left, Predicate right) implements Predicate {
    @Override
    public String canonical() {
      return "(" + left.canonical() + " and " + right.canonical() + ")";
    }
  }

  /**
   * Either holds.
   *
   * @param left first operand
   * @param right second operand
   */
  record Or(Predicate left, Predicate right) implements Predicate {
    @Override
    public String canonical() {
      return "(" + left.canonical() + " or " + right.canonical() + ")";
    }
  }

  /**
   * The operand does not hold.
   *
   * @param operand the negated predicate
   */
  record Not(Predicate operand) implements Predicate {
    @Override
    public String canonical() {
      return "not " + operand.canonical();
    }
  }
}
