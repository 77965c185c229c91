package org.orcapod.samples;

import java.util.List;
import org.orcapod.annotations.Tag;

/**
 * The row of the {@code batch_summary} node: the batch's days and what {@code batch_summary}
 * computed over them.
 *
 * @param day the days of the batch (the tag, passed through)
 * @param days the number of days
 * @param total_readings the readings of all days
 * @param mean_temperature_c the reading-weighted mean temperature (°C)
 * @param min_temperature_c the lowest temperature of all days
 * @param max_temperature_c the highest temperature of all days
 * @param instruments the instruments used, sorted, comma-separated
 */
public record BatchSummary(
    @Tag List<String> day,
    long days,
    long total_readings,
    double mean_temperature_c,
    double min_temperature_c,
    double max_temperature_c,
    String instruments) {}
