package lab;

import org.orcapod.annotations.PacketFunction;

public final class LabFunctions {
  private LabFunctions() {}

  public record Conversion(double fahrenheit, boolean highPressure) {}

  @PacketFunction(version = "1.0")
  public static Conversion convert(double temperatureC, double pressureKpa) {
    return new Conversion(temperatureC * 9 / 5 + 32, pressureKpa > 101.3);
  }
}
