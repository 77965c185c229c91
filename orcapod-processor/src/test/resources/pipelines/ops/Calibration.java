package ops;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.orcapod.annotations.PacketFunction;

/** An instance function with a nullable input and an optional output. */
public class Calibration {
  private final double offset = 0.5;

  @PacketFunction(name = "calibrate", version = "2.1", output = "calibrated")
  public Optional<Double> apply(double temperatureC, @Nullable Double pressureKpa) {
    return pressureKpa == null ? Optional.empty() : Optional.of(temperatureC + offset);
  }
}
