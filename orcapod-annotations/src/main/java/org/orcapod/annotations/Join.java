package org.orcapod.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An inner join of two or more inputs on their shared tag columns.
 *
 * <p>The output's tags are the union of the inputs' tags and its packet columns the union of their
 * packet columns; two inputs may not share a packet column (rename one with {@link MapPackets}, or
 * use {@link MergeJoin}). Shared tag columns must have the same type. The join is commutative:
 * parameter order does not change its rows or identity.
 *
 * <pre>{@code
 * @Join DayReport reports(DayStats dayStats, DayMeta dayMeta);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Join {
  /**
   * Allows inputs that share no tag column: every row of one is paired with every row of the
   * others. Off by default, because a missing shared tag is usually a naming mistake.
   */
  boolean allowCartesian() default false;
}
