package ops;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orcapod.annotations.*;

/** Every operator kind: semi-join, map tags, map packets, select, drop, merge join, batch, filter. */
@Pipeline(name = "ops")
interface Ops {
  record Approval(@Tag String experiment, boolean approved) {}

  record Calibrated(@Tag String experiment, @Nullable Double calibrated) {}

  record ByRun(@Tag String run, double temperatureC, double pressureKpa) {}

  record Celsius(@Tag String run, double celsius, double pressureKpa) {}

  record Temperatures(@Tag String experiment, double temperatureC) {}

  record Batched(@Tag List<String> experiment, List<Double> temperatureC) {}

  record Merged(@Tag String experiment, List<Double> temperatureC) {}

  @Source
  Measurement measurements();

  @Source
  Approval approvals();

  @SemiJoin
  Measurement approved(Measurement measurements, Approval approvals);

  @Apply(Calibration.class)
  Calibrated calibrated(Measurement approved);

  @MapTags(@Rename(from = "experiment", to = "run"))
  @Label("renamed_tags")
  ByRun byRun(Measurement measurements);

  @MapPackets(@Rename(from = "temperatureC", to = "celsius"))
  Celsius celsius(ByRun byRun);

  @Select
  Temperatures temperatures(Measurement measurements);

  @Drop("pressureKpa")
  Temperatures dropped(Measurement measurements);

  @MergeJoin
  Merged merged(Temperatures temperatures, Temperatures dropped);

  @Batch(size = 10, dropPartial = true)
  Batched batched(Temperatures temperatures);

  @Filter("experiment in ('exp1', 'exp2') and not temperatureC < -10.5")
  Measurement filtered(Measurement measurements);
}
