package org.orcapod.samples;

import java.util.List;
import org.orcapod.annotations.Tag;

/**
 * The row of the {@code batched} node: every day's report in one row, a list per column (one
 * element per day, in the same order in every list).
 *
 * @param day the days (the tag)
 * @param n_readings the number of readings per day
 * @param mean_temperature_c the mean temperature per day (°C)
 * @param min_temperature_c the lowest temperature per day (°C)
 * @param max_temperature_c the highest temperature per day (°C)
 * @param mean_pressure_hpa the mean pressure per day (hPa)
 * @param station the station per day
 * @param instrument the instrument per day
 * @param operator the operator per day
 */
public record DayBatch(
    @Tag List<String> day,
    List<Long> n_readings,
    List<Double> mean_temperature_c,
    List<Double> min_temperature_c,
    List<Double> max_temperature_c,
    List<Double> mean_pressure_hpa,
    List<String> station,
    List<String> instrument,
    List<String> operator) {}
