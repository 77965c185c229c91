package org.orcapod.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A function node: applies a {@link PacketFunction} to every row of its input. Tags pass through;
 * the packet is replaced by the function's outputs.
 *
 * <p>Several parameters mean an implicit {@link Join} of those inputs before the function runs. The
 * function is named by its class (a class literal, so refactoring tools follow it) and, when that
 * class declares more than one packet function, by {@link #function()}.
 *
 * <pre>{@code
 * @Apply(LabFunctions.class)
 * Reading readings(Measurement measurements);
 *
 * @Apply(value = Stats.class, function = "perDay")
 * DayStats dayStats(DayFile dayFiles);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Apply {
  /** The class that declares the packet function. */
  Class<?> value();

  /**
   * The packet function's name (its {@link PacketFunction#name()}, which defaults to the method
   * name). May be left empty when {@link #value()} declares exactly one packet function.
   */
  String function() default "";

  /**
   * Allows the implicit join of several inputs that share no tag column, which pairs every row of
   * one input with every row of the others. Off by default because that is rarely intended.
   */
  boolean allowCartesian() default false;
}
