package org.orcapod.samples;

import java.nio.file.Path;
import org.orcapod.annotations.Tag;

/**
 * A row of the {@code measurements} source: one day's measurement file.
 *
 * @param day the day, {@code yyyy-mm-dd} (the tag)
 * @param readings the measurement file, hashed by its content
 */
public record DayFile(@Tag String day, Path readings) {}
