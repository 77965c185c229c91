package lab;

import org.orcapod.annotations.*;

/** The getting-started pipeline of docs/dsl.md: source, function, filter. */
@Pipeline(name = "lab")
public interface Lab {
  @Source
  Measurement measurements();

  @Apply(LabFunctions.class)
  Reading readings(Measurement measurements);

  @Label("pressure_alerts")
  @Filter("highPressure = true and fahrenheit > 50")
  Reading alerts(Reading readings);
}
