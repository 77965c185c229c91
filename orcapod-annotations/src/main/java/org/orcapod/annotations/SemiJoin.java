package org.orcapod.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps the rows of the first input whose shared columns match some row of the second input.
 *
 * <p>Exactly two parameters: the rows to keep come from the first, the second only filters. The
 * output row record is the first input's. Columns present in both inputs must have the same type.
 *
 * <pre>{@code
 * @SemiJoin Measurement approved(Measurement measurements, Approval approvals);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface SemiJoin {}
