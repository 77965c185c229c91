package org.orcapod.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a pipeline on an interface or abstract class whose abstract methods are its nodes.
 *
 * <p>Each abstract method carries exactly one node annotation ({@link Source}, {@link Apply},
 * {@link Join}, {@link SemiJoin}, {@link MergeJoin}, {@link Batch}, {@link Select}, {@link Drop},
 * {@link MapTags}, {@link MapPackets}, {@link Filter}). Its return type is the record of the rows
 * the node produces; each parameter names an upstream node (by that node's method name) and its
 * type is that node's row record. The processor checks the whole graph at compile time: names,
 * cycles, columns, types and nullability. Default and static methods are ignored.
 *
 * <pre>{@code
 * @Pipeline
 * interface Lab {
 *   @Source Measurement measurements();
 *   @Apply(LabFunctions.class) Reading readings(Measurement measurements);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Pipeline {
  /** The pipeline's name, which scopes its stored results; defaults to the type's simple name. */
  String name() default "";
}
