package org.orcapod.samples.lab;

import org.orcapod.annotations.PacketFunction;

/**
 * The getting-started computation: a plain static method, turned into a typed pod at build time.
 */
public final class LabFunctions {
  private LabFunctions() {}

  /**
   * What {@link #analyzeConditions} computes for one measurement. The component names are the
   * output columns, spelled as Python orcapod's example spells them.
   *
   * @param temp_fahrenheit the temperature in degrees Fahrenheit
   * @param is_high_pressure whether the pressure is above 1 bar
   */
  public record Analysis(double temp_fahrenheit, boolean is_high_pressure) {}

  /**
   * Python orcapod's {@code analyze_conditions}: Fahrenheit from Celsius (the same operations in
   * the same order, so the same doubles) and a high-pressure flag. Its identity name is Python's,
   * so the function uri's name, output-schema hash and version equal Python's; the generated pod is
   * {@code LabFunctions_Analyze_conditionsPod}.
   */
  @PacketFunction(name = "analyze_conditions")
  public static Analysis analyzeConditions(double temperature, double pressure) {
    return new Analysis(temperature * 9.0 / 5.0 + 32.0, pressure > 1.0);
  }
}
