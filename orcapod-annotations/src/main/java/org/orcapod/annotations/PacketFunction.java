package org.orcapod.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a plain Java method a packet function: a pure computation from one packet to one packet.
 *
 * <p>The method is either {@code static}, or an instance method of a top-level or static nested
 * class with an accessible no-argument constructor; it must not be private, generic or abstract.
 * Its parameters are the input packet columns, matched by name (the processor reads the names from
 * the source, so no {@code -parameters} flag is needed) and by type. Its result is either a record
 * whose components are the output columns, or a single value named by {@link #output()}. A
 * parameter or component is nullable when annotated JSpecify {@code @Nullable} or typed {@code
 * Optional<T>}; otherwise it is non-null.
 *
 * <pre>{@code
 * @PacketFunction(version = "1.2")
 * static Conversion convert(double temperatureC, double pressureKpa) { ... }
 *
 * @PacketFunction(output = "sum")
 * static long add(long a, long b) { return a + b; }
 * }</pre>
 *
 * <p>Retained in class files so that pipelines compiled later (or in another module) can apply
 * functions from a library jar.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface PacketFunction {
  /**
   * The function's name in its identity and in stored results; defaults to the method's name.
   * Renaming the method while keeping this name keeps cached results valid.
   */
  String name() default "";

  /**
   * The version, {@code "<major>"} or {@code "<major>.<minor>"}. The major version is part of the
   * function's identity: bump it when results change, so old cached results are not reused.
   */
  String version() default "0.0";

  /**
   * The output column's name when the method returns a single value rather than a record. Must be
   * empty when the method returns a record (the record's components name the outputs).
   */
  String output() default "";
}
