package org.orcapod.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A join of exactly two inputs on their shared tag columns that merges packet columns present in
 * both into a sorted {@code List<T>} column (the two columns must have the same type {@code T}).
 *
 * <pre>{@code
 * // both inputs have a packet column `double reading`; the output has `List<Double> reading`
 * @MergeJoin Readings merged(Reading morning, Reading evening);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface MergeJoin {
  /** Allows two inputs that share no tag column (a cartesian product). Off by default. */
  boolean allowCartesian() default false;
}
