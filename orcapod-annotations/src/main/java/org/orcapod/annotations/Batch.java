package org.orcapod.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Groups consecutive rows of one input into batches: every column of type {@code T} becomes a
 * column of type {@code List<T>} holding the batch's values.
 *
 * <pre>{@code
 * record Summary(@Tag List<LocalDate> day, List<Double> mean) {}
 * @Batch Summary summary(DayStats dayStats);          // one batch of all rows
 * @Batch(size = 7) Summary weekly(DayStats dayStats); // batches of seven rows
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Batch {
  /** Rows per batch; 0 (the default) puts all rows into one batch. Must not be negative. */
  int size() default 0;

  /** Drops a last batch that has fewer than {@link #size()} rows instead of emitting it. */
  boolean dropPartial() default false;
}
