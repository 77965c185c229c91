package org.orcapod.samples.lab;

import org.orcapod.annotations.Tag;

/**
 * A lab measurement, a row of the {@code measurements} source: Python orcapod's getting-started
 * data, with its column names, so both implementations hash the same table.
 *
 * @param experiment the experiment the measurement belongs to (the tag)
 * @param temperature the temperature in degrees Celsius
 * @param pressure the pressure in bar
 */
public record Measurement(@Tag String experiment, double temperature, double pressure) {}
