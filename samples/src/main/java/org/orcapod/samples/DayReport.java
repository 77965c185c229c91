package org.orcapod.samples;

import org.orcapod.annotations.Tag;

/**
 * A row of the {@code joined} node: a day's statistics next to its metadata.
 *
 * @param day the day (the tag both inputs share)
 * @param n_readings the number of readings
 * @param mean_temperature_c the mean temperature (°C)
 * @param min_temperature_c the lowest temperature (°C)
 * @param max_temperature_c the highest temperature (°C)
 * @param mean_pressure_hpa the mean pressure (hPa)
 * @param station the weather station
 * @param instrument the instrument
 * @param operator who operated it
 */
public record DayReport(
    @Tag String day,
    long n_readings,
    double mean_temperature_c,
    double min_temperature_c,
    double max_temperature_c,
    double mean_pressure_hpa,
    String station,
    String instrument,
    String operator) {}
