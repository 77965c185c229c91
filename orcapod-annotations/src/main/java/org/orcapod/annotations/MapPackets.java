package org.orcapod.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Renames packet columns of one input; values and tags are unchanged.
 *
 * <pre>{@code
 * @MapPackets(@Rename(from = "temperatureC", to = "celsius"))
 * Celsius celsius(Measurement measurements);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface MapPackets {
  /** The renamings; each {@code from} must be a packet column of the input. */
  Rename[] value();

  /** Drops the packet columns that no renaming mentions. */
  boolean dropUnmapped() default false;
}
