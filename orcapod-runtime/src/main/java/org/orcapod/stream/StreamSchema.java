package org.orcapod.stream;

import org.orcapod.schema.Schema;

/**
 * The tag and packet schemas of a stream under some {@link org.orcapod.schema.ColumnConfig}.
 *
 * @param tag the tag columns (and system tags when requested)
 * @param packet the packet columns (and source info, meta, context when requested)
 */
public record StreamSchema(Schema tag, Schema packet) {}
