package org.orcapod.samples;

import java.nio.file.Path;
import org.orcapod.annotations.Tag;

/**
 * A row of the {@code metadata} source: one day's metadata file.
 *
 * @param day the day, {@code yyyy-mm-dd} (the tag)
 * @param metadata the JSON metadata file, hashed by its content
 */
public record MetadataFile(@Tag String day, Path metadata) {}
