package org.orcapod.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps the rows of one input for which a predicate holds. The output row record is the input's.
 *
 * <p>The predicate is a small expression language, not code, so that it has a stable content hash
 * and the processor can check its columns and literals: comparisons of a column with a literal
 * ({@code = != < <= > >=}), {@code column in (literal, ...)}, {@code column is null}, {@code column
 * is not null}, combined with {@code and}, {@code or}, {@code not} and parentheses. Literals are
 * numbers, single-quoted strings, {@code true} and {@code false}.
 *
 * <pre>{@code
 * @Filter("pressureKpa > 101.3 and experiment in ('exp1', 'exp3')")
 * Measurement highPressure(Measurement measurements);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Filter {
  /** The predicate over the input's tag and packet columns. */
  String value();
}
