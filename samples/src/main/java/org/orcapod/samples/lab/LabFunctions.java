package org.orcapod.samples.lab;

import org.orcapod.annotations.PacketFunction;

/** The getting-started computations: plain static methods, turned into typed pods at build time. */
public final class LabFunctions {
  private LabFunctions() {}

  /**
   * A lab reading in Fahrenheit with a high-pressure flag.
   *
   * @param fahrenheit the temperature in degrees Fahrenheit
   * @param highPressure whether the pressure is above one standard atmosphere
   */
  public record Conversion(double fahrenheit, boolean highPressure) {}

  /** Converts a measurement; the generated pod is {@code LabFunctions_ConvertPod}. */
  @PacketFunction(version = "1.0")
  public static Conversion convert(double temperatureC, double pressureKpa) {
    return new Conversion(temperatureC * 9 / 5 + 32, pressureKpa > 101.3);
  }
}
