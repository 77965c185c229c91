package org.orcapod.samples;

import org.orcapod.annotations.Tag;

/**
 * A row of the {@code parse_metadata} node: a day and its parsed metadata.
 *
 * @param day the day (the tag)
 * @param station the weather station
 * @param instrument the instrument
 * @param operator who operated it
 */
public record DayInfo(@Tag String day, String station, String instrument, String operator) {}
