package org.orcapod.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets a node's label, the name under which its results, logs and status are stored and shown;
 * defaults to the method's name. Labels must be unique within a pipeline.
 *
 * <p>Parameters still refer to upstream nodes by method name, so a label can be kept stable (and
 * stored results stay valid) while the method is renamed.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Label {
  /** The label: letters, digits and underscores, starting with a letter. */
  String value();
}
