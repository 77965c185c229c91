package org.orcapod.operator.predicate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.orcapod.stream.Identity;

/**
 * A boolean condition on the columns of one row, built from {@link #col column} comparisons with
 * literals, {@link Column#in membership}, {@link Column#isNull null tests} and {@link #and
 * and}/{@link #or or}/{@link #not not}.
 *
 * <p>Literals are {@code long} (any Java integer), {@code double}, {@code String} or {@code
 * boolean}. Every predicate has a {@link #canonicalForm()}: nested and/or are flattened, their
 * operands and the values of {@code in} are sorted and de-duplicated, so that predicates with the
 * same meaning up to those rewrites have the same canonical form, and so the same identity. The
 * negation of a null test is the opposite null test ({@code not (x is null)} is {@code x is not
 * null}), since a null test is never unknown.
 */
public sealed interface Predicate
    permits Predicate.Compare,
        Predicate.In,
        Predicate.IsNull,
        Predicate.And,
        Predicate.Or,
        Predicate.Not {

  /** The comparison operators. */
  enum Op {
    /** Equal. */
    EQ("=="),
    /** Not equal. */
    NE("!="),
    /** Less than. */
    LT("<"),
    /** Less than or equal. */
    LE("<="),
    /** Greater than. */
    GT(">"),
    /** Greater than or equal. */
    GE(">=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    /** The operator's symbol, e.g. {@code >=}. */
    public String symbol() {
      return symbol;
    }
  }

  /**
   * The identity structure: nested tuples such as {@code ("cmp", "age", ">=", 30)}, {@code ("in",
   * "name", ["a", "b"])}, {@code ("is_null", "note")}, {@code ("is_not_null", "note")}, {@code
   * ("and", [..])}, {@code ("or", [..])}, {@code ("not", ..)}.
   */
  Object canonicalForm();

  /** The column names this predicate reads, sorted. */
  Set<String> columns();

  /** This predicate's readable form, e.g. {@code (age >= 30 and name in ["a", "b"])}. */
  String display();

  /** {@code this and other}. */
  default Predicate and(Predicate other) {
    return allOf(List.of(this, other));
  }

  /** {@code this or other}. */
  default Predicate or(Predicate other) {
    return anyOf(List.of(this, other));
  }

  /** {@code not this}. */
  default Predicate negate() {
    return not(this);
  }

  /** The column {@code name}, to compare with a literal. */
  static Column col(String name) {
    return new Column(name);
  }

  /** All of {@code operands} (true when there are none). */
  static Predicate allOf(Collection<? extends Predicate> operands) {
    return new And(flatten(operands, And.class));
  }

  /** Any of {@code operands} (false when there are none). */
  static Predicate anyOf(Collection<? extends Predicate> operands) {
    return new Or(flatten(operands, Or.class));
  }

  /**
   * The negation of {@code operand}; a null test becomes the opposite null test, which means the
   * same (a null test is never unknown) and so has the same identity.
   */
  static Predicate not(Predicate operand) {
    Objects.requireNonNull(operand, "predicate operand");
    if (operand instanceof IsNull n) {
      return new IsNull(n.column(), !n.negated());
    }
    return new Not(operand);
  }

  /** One equality per entry, all of which must hold (Polars' {@code filter(**constraints)}). */
  static Predicate constraints(Map<String, ?> equalities) {
    List<Predicate> out = new ArrayList<>();
    for (Map.Entry<String, ?> e : equalities.entrySet()) {
      out.add(col(e.getKey()).eq(Objects.requireNonNull(e.getValue(), e.getKey())));
    }
    return allOf(out);
  }

  /** A column reference: the left side of a comparison. */
  record Column(String name) {
    /** Checks the name. */
    public Column {
      Objects.requireNonNull(name, "column name");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("a predicate column name must not be empty");
      }
    }

    /** {@code column == value}. */
    public Predicate eq(Object value) {
      return new Compare(name, Op.EQ, Literal.of(name, value));
    }

    /** {@code column != value}. */
    public Predicate ne(Object value) {
      return new Compare(name, Op.NE, Literal.of(name, value));
    }

    /** {@code column < value}. */
    public Predicate lt(Object value) {
      return new Compare(name, Op.LT, Literal.of(name, value));
    }

    /** {@code column <= value}. */
    public Predicate le(Object value) {
      return new Compare(name, Op.LE, Literal.of(name, value));
    }

    /** {@code column > value}. */
    public Predicate gt(Object value) {
      return new Compare(name, Op.GT, Literal.of(name, value));
    }

    /** {@code column >= value}. */
    public Predicate ge(Object value) {
      return new Compare(name, Op.GE, Literal.of(name, value));
    }

    /** {@code column in values}. */
    public Predicate in(Collection<?> values) {
      TreeSet<Object> sorted = new TreeSet<>(Literal.ORDER);
      for (Object v : values) {
        sorted.add(Literal.of(name, v));
      }
      return new In(name, List.copyOf(sorted));
    }

    /** {@code column in values}. */
    public Predicate in(Object... values) {
      return in(List.of(values));
    }

    /** {@code column is null}: true for a null cell, else false (never unknown). */
    public Predicate isNull() {
      return new IsNull(name, false);
    }

    /** {@code column is not null}: true for a non-null cell, else false (never unknown). */
    public Predicate isNotNull() {
      return new IsNull(name, true);
    }
  }

  /**
   * {@code column op literal}.
   *
   * @param column the column
   * @param op the operator
   * @param literal a normalised literal (Long, Double, String or Boolean)
   */
  record Compare(String column, Op op, Object literal) implements Predicate {
    @Override
    public Object canonicalForm() {
      return Identity.tuple("cmp", column, op.symbol(), literal);
    }

    @Override
    public Set<String> columns() {
      return Set.of(column);
    }

    @Override
    public String display() {
      return column + " " + op.symbol() + " " + Literal.display(literal);
    }
  }

  /**
   * {@code column in values}.
   *
   * @param column the column
   * @param values normalised literals, sorted and distinct
   */
  record In(String column, List<Object> values) implements Predicate {
    @Override
    public Object canonicalForm() {
      return Identity.tuple("in", column, List.copyOf(values));
    }

    @Override
    public Set<String> columns() {
      return Set.of(column);
    }

    @Override
    public String display() {
      List<String> shown = new ArrayList<>();
      for (Object v : values) {
        shown.add(Literal.display(v));
      }
      return column + " in [" + String.join(", ", shown) + "]";
    }
  }

  /**
   * {@code column is null}, or {@code column is not null} when {@code negated}. Any column type may
   * be tested; the result is never unknown.
   *
   * @param column the column
   * @param negated true for {@code is not null}
   */
  record IsNull(String column, boolean negated) implements Predicate {
    /** Checks the column name. */
    public IsNull {
      Objects.requireNonNull(column, "column name");
      if (column.isEmpty()) {
        throw new IllegalArgumentException("a predicate column name must not be empty");
      }
    }

    @Override
    public Object canonicalForm() {
      return Identity.tuple(negated ? "is_not_null" : "is_null", column);
    }

    @Override
    public Set<String> columns() {
      return Set.of(column);
    }

    @Override
    public String display() {
      return column + (negated ? " is not null" : " is null");
    }
  }

  /**
   * All operands hold.
   *
   * @param operands flattened, sorted by canonical form and distinct
   */
  record And(List<Predicate> operands) implements Predicate {
    @Override
    public Object canonicalForm() {
      return Identity.tuple("and", canonical(operands));
    }

    @Override
    public Set<String> columns() {
      return columnsOf(operands);
    }

    @Override
    public String display() {
      return joined(operands, " and ", "true");
    }
  }

  /**
   * Some operand holds.
   *
   * @param operands flattened, sorted by canonical form and distinct
   */
  record Or(List<Predicate> operands) implements Predicate {
    @Override
    public Object canonicalForm() {
      return Identity.tuple("or", canonical(operands));
    }

    @Override
    public Set<String> columns() {
      return columnsOf(operands);
    }

    @Override
    public String display() {
      return joined(operands, " or ", "false");
    }
  }

  /**
   * The operand does not hold.
   *
   * @param operand the negated predicate
   */
  record Not(Predicate operand) implements Predicate {
    @Override
    public Object canonicalForm() {
      return Identity.tuple("not", operand.canonicalForm());
    }

    @Override
    public Set<String> columns() {
      return operand.columns();
    }

    @Override
    public String display() {
      return "not " + operand.display();
    }
  }

  private static List<Predicate> flatten(
      Collection<? extends Predicate> operands, Class<? extends Predicate> kind) {
    List<Predicate> flat = new ArrayList<>();
    for (Predicate p : operands) {
      Objects.requireNonNull(p, "predicate operand");
      if (kind.isInstance(p)) {
        flat.addAll(p instanceof And a ? a.operands() : ((Or) p).operands());
      } else {
        flat.add(p);
      }
    }
    // Sort by the readable form so that operand order does not change the identity.
    flat.sort(Comparator.comparing(Predicate::display));
    return List.copyOf(new LinkedHashSet<>(flat));
  }

  private static List<Object> canonical(List<Predicate> operands) {
    List<Object> out = new ArrayList<>();
    for (Predicate p : operands) {
      out.add(p.canonicalForm());
    }
    return out;
  }

  private static Set<String> columnsOf(List<Predicate> operands) {
    TreeSet<String> out = new TreeSet<>();
    for (Predicate p : operands) {
      out.addAll(p.columns());
    }
    return out;
  }

  private static String joined(List<Predicate> operands, String sep, String empty) {
    if (operands.isEmpty()) {
      return empty;
    }
    List<String> parts = new ArrayList<>();
    for (Predicate p : operands) {
      parts.add(p.display());
    }
    return "(" + String.join(sep, parts) + ")";
  }
}
