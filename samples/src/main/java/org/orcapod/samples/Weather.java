package org.orcapod.samples;

import org.orcapod.annotations.Apply;
import org.orcapod.annotations.Batch;
import org.orcapod.annotations.Join;
import org.orcapod.annotations.Label;
import org.orcapod.annotations.Pipeline;
import org.orcapod.annotations.Source;

/**
 * Sample 2's pipeline, declared: per-day measurement and metadata files, the statistics of each
 * day, the parsed metadata, the two joined on {@code day}, all days batched into one row, and a
 * summary of the batch. The annotation processor checks this declaration while the module compiles
 * and generates {@code OrcapodWeather}, which {@link FilePipelineSample} builds.
 */
@Pipeline(name = "weather")
public interface Weather {
  /** The measurement files, one per day. */
  @Source
  DayFile measurements();

  /** The metadata files, one per day. */
  @Source
  MetadataFile metadata();

  /** Each day's statistics, computed from its measurement file. */
  @Label("daily_stats")
  @Apply(value = WeatherFunctions.class, function = "daily_stats")
  DailyStats dailyStats(DayFile measurements);

  /** Each day's station, instrument and operator, read from its metadata file. */
  @Label("parse_metadata")
  @Apply(value = WeatherFunctions.class, function = "parse_metadata")
  DayInfo parseMetadata(MetadataFile metadata);

  /** Statistics and metadata of each day side by side. */
  @Join
  DayReport joined(DailyStats dailyStats, DayInfo parseMetadata);

  /** All days in one row. */
  @Batch
  DayBatch batched(DayReport joined);

  /** The summary of all days. */
  @Label("batch_summary")
  @Apply(value = WeatherFunctions.class, function = "batch_summary")
  BatchSummary batchSummary(DayBatch batched);
}
