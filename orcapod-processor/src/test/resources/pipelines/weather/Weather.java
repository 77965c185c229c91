package weather;

import org.orcapod.annotations.*;

/** The file-based pipeline of docs/dsl.md: two sources, two functions, a join and a batch. */
@Pipeline(name = "weather")
public abstract class Weather {
  @Source
  abstract Rows.DayFile dayFiles();

  @Source
  abstract Rows.MetaFile metaFiles();

  @Apply(value = WeatherFunctions.class, function = "dayStats")
  abstract Rows.DayStats dayStats(Rows.DayFile dayFiles);

  @Apply(value = WeatherFunctions.class, function = "parseMeta")
  abstract Rows.DayMeta dayMeta(Rows.MetaFile metaFiles);

  @Join
  abstract Rows.DayReport reports(Rows.DayStats dayStats, Rows.DayMeta dayMeta);

  @Batch
  abstract Rows.Summary summary(Rows.DayReport reports);
}
