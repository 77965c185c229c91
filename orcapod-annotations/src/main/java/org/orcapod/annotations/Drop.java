package org.orcapod.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Removes the named tag or packet columns of one input. The node's row record must have exactly the
 * input's columns minus these.
 *
 * <pre>{@code
 * @Drop("pressureKpa") Temperatures temperatures(Measurement measurements);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Drop {
  /** The columns to remove; each must be a column of the input. */
  String[] value();
}
