package org.orcapod.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One column renaming inside {@link MapTags} or {@link MapPackets}: {@code from} becomes {@code
 * to}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Rename {
  /** The input column's name. */
  String from();

  /** The output column's name. */
  String to();
}
