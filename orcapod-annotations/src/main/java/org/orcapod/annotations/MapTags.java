package org.orcapod.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Renames tag columns of one input; values and packets are unchanged.
 *
 * <pre>{@code
 * @MapTags(@Rename(from = "experiment", to = "run"))
 * ByRun byRun(Measurement measurements);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface MapTags {
  /** The renamings; each {@code from} must be a tag column of the input. */
  Rename[] value();

  /** Drops the tag columns that no renaming mentions. */
  boolean dropUnmapped() default false;
}
