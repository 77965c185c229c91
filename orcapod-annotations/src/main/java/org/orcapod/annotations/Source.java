package org.orcapod.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A source node: rows that enter the pipeline from outside (a table, records, a CSV file, a JDBC
 * query, a folder of files).
 *
 * <p>The method has no parameters; its return type is the row record. The concrete source is bound
 * when the pipeline is built, and is checked against the declared row record then.
 *
 * <pre>{@code
 * @Source Measurement measurements();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Source {}
