package org.orcapod.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps some columns of one input: exactly those that are components of the node's row record.
 *
 * <p>The row record is the selection, so the column list is written once. Its {@link Tag}
 * components must be tag columns of the input and its other components packet columns of the input,
 * with the same types.
 *
 * <pre>{@code
 * record Temperatures(@Tag String experiment, double temperatureC) {}
 * @Select Temperatures temperatures(Measurement measurements);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Select {}
