package org.orcapod.samples;

import org.orcapod.annotations.Tag;

/**
 * A row of the {@code daily_stats} node: a day and the statistics of its readings.
 *
 * @param day the day (the tag)
 * @param n_readings the number of readings
 * @param mean_temperature_c the mean temperature (°C)
 * @param min_temperature_c the lowest temperature (°C)
 * @param max_temperature_c the highest temperature (°C)
 * @param mean_pressure_hpa the mean pressure (hPa)
 */
public record DailyStats(
    @Tag String day,
    long n_readings,
    double mean_temperature_c,
    double min_temperature_c,
    double max_temperature_c,
    double mean_pressure_hpa) {}
