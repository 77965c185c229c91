package org.orcapod.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of a row record as a tag column; every other component is a packet column.
 *
 * <p>Tags identify a row (they are what joins match on and what function pods pass through);
 * packets carry the data that functions consume and produce.
 *
 * <pre>{@code
 * record Measurement(@Tag String experiment, double temperatureC, double pressureKpa) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Tag {}
