package org.orcapod.samples.lab;

import org.orcapod.annotations.Tag;

/**
 * A row of the {@code conditions} node: the measurement's tag and the function's outputs. The
 * column names are Python orcapod's ({@code output_keys}), so the packets hash alike in both.
 *
 * @param experiment the experiment (the tag, passed through)
 * @param temp_fahrenheit the temperature in degrees Fahrenheit
 * @param is_high_pressure whether the pressure is above 1 bar
 */
public record Conditions(
    @Tag String experiment, double temp_fahrenheit, boolean is_high_pressure) {}
