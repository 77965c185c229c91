/**
 * One row of a stream as immutable values: a {@link org.orcapod.datagram.Tag} (tag columns and
 * system tags) and a {@link org.orcapod.datagram.Packet} (data columns and their source info).
 *
 * <p>Both carry the data-context key and optional {@code __} meta columns, as Python orcapod's
 * datagrams do; column selection follows {@link org.orcapod.schema.ColumnConfig}.
 */
@NullMarked
package org.orcapod.datagram;

import org.jspecify.annotations.NullMarked;
