package org.orcapod.graph.predicate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.orcapod.graph.predicate.Predicate.Literal;
import org.orcapod.graph.predicate.Predicate.LiteralKind;
import org.orcapod.graph.predicate.Predicate.Operator;

/**
 * Recursive-descent parser of the predicate grammar:
 *
 * <pre>
 * or      := and ('or' and)*
 * and     := unary ('and' unary)*
 * unary   := 'not' unary | '(' or ')' | test
 * test    := column op literal | column 'in' '(' literal (',' literal)* ')'
 *          | column 'is' ['not'] 'null'
 * op      := '=' | '==' | '!=' | '&lt;&gt;' | '&lt;' | '&lt;=' | '&gt;' | '&gt;='
 * literal := number | 'string' (quote doubled to escape) | true | false
 * </pre>
 *
 * Keywords are case-insensitive; column names are Java identifiers.
 */
final class PredicateParser {
  private final String text;
  private int pos;

  PredicateParser(String text) {
    this.text = text;
  }

  Predicate parse() throws PredicateSyntaxException {
    skipSpace();
    if (pos >= text.length()) {
      throw new PredicateSyntaxException("the predicate is empty", 0);
    }
    Predicate p = or();
    skipSpace();
    if (pos < text.length()) {
      throw error("expected 'and', 'or' or the end of the predicate");
    }
    return p;
  }

  private Predicate or() throws PredicateSyntaxException {
    Predicate left = and();
    while (keyword("or")) {
      left = new Predicate.Or(left, and());
    }
    return left;
  }

  private Predicate and() throws PredicateSyntaxException {
    Predicate left = unary();
    while (keyword("and")) {
      left = new Predicate.And(left, unary());
    }
    return left;
  }

  private Predicate unary() throws PredicateSyntaxException {
    if (keyword("not")) {
      return new Predicate.Not(unary());
    }
    if (symbol("(")) {
      Predicate inner = or();
      expect(")");
      return inner;
    }
    return test();
  }

  private Predicate test() throws PredicateSyntaxException {
    skipSpace();
    String column = identifier();
    if (keyword("in")) {
      expect("(");
      List<Literal> values = new ArrayList<>();
      values.add(literal());
      while (symbol(",")) {
        values.add(literal());
      }
      expect(")");
      return new Predicate.In(column, values);
    }
    if (keyword("is")) {
      boolean negated = keyword("not");
      if (!keyword("null")) {
        throw error("expected 'null'");
      }
      return new Predicate.IsNull(column, negated);
    }
    Operator op = operator();
    return new Predicate.Comparison(column, op, literal());
  }

  private Operator operator() throws PredicateSyntaxException {
    skipSpace();
    String[] symbols = {"==", "!=", "<>", "<=", ">=", "=", "<", ">"};
    Operator[] ops = {
      Operator.EQ,
      Operator.NE,
      Operator.NE,
      Operator.LE,
      Operator.GE,
      Operator.EQ,
      Operator.LT,
      Operator.GT
    };
    for (int i = 0; i < symbols.length; i++) {
      if (text.startsWith(symbols[i], pos)) {
        pos += symbols[i].length();
        return ops[i];
      }
    }
    throw error("expected a comparison (= != < <= > >=), 'in' or 'is'");
  }

  private Literal literal() throws PredicateSyntaxException {
    skipSpace();
    if (pos >= text.length()) {
      throw error("expected a literal (a number, a 'quoted string', true or false)");
    }
    char c = text.charAt(pos);
    if (c == '\'') {
      StringBuilder sb = new StringBuilder();
      int start = pos++;
      while (true) {
        if (pos >= text.length()) {
          throw new PredicateSyntaxException("the string is not closed with '", start);
        }
        char d = text.charAt(pos++);
        if (d == '\'') {
          if (pos < text.length() && text.charAt(pos) == '\'') {
            sb.append('\'');
            pos++;
          } else {
            return new Literal(LiteralKind.STRING, sb.toString());
          }
        } else {
          sb.append(d);
        }
      }
    }
    if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
      int start = pos;
      pos++;
      while (pos < text.length()
          && (Character.isLetterOrDigit(text.charAt(pos))
              || text.charAt(pos) == '.'
              || ((text.charAt(pos) == '-' || text.charAt(pos) == '+')
                  && Character.toLowerCase(text.charAt(pos - 1)) == 'e'))) {
        pos++;
      }
      String number = text.substring(start, pos);
      try {
        BigDecimal value = new BigDecimal(number);
        boolean integral = !number.contains(".") && !number.toLowerCase(Locale.ROOT).contains("e");
        return integral
            ? new Literal(LiteralKind.INTEGER, value.toBigInteger().toString())
            : new Literal(LiteralKind.DECIMAL, value.stripTrailingZeros().toPlainString());
      } catch (NumberFormatException e) {
        throw new PredicateSyntaxException("'" + number + "' is not a number", start);
      }
    }
    if (keyword("true")) {
      return new Literal(LiteralKind.BOOLEAN, "true");
    }
    if (keyword("false")) {
      return new Literal(LiteralKind.BOOLEAN, "false");
    }
    throw error("expected a literal (a number, a 'quoted string', true or false)");
  }

  private String identifier() throws PredicateSyntaxException {
    skipSpace();
    int start = pos;
    if (pos < text.length() && Character.isJavaIdentifierStart(text.charAt(pos))) {
      pos++;
      while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
        pos++;
      }
      return text.substring(start, pos);
    }
    throw error("expected a column name");
  }

  private boolean keyword(String word) {
    skipSpace();
    int end = pos + word.length();
    if (end <= text.length()
        && text.regionMatches(true, pos, word, 0, word.length())
        && (end == text.length() || !Character.isJavaIdentifierPart(text.charAt(end)))) {
      pos = end;
      return true;
    }
    return false;
  }

  private boolean symbol(String s) {
    skipSpace();
    if (text.startsWith(s, pos)) {
      pos += s.length();
      return true;
    }
    return false;
  }

  private void expect(String s) throws PredicateSyntaxException {
    if (!symbol(s)) {
      throw error("expected '" + s + "'");
    }
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private PredicateSyntaxException error(String expected) {
    String found = pos >= text.length() ? "the end" : "'" + text.charAt(pos) + "'";
    return new PredicateSyntaxException(
        expected + " at position " + (pos + 1) + ", found " + found, pos);
  }
}
