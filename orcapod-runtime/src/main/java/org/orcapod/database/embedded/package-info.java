/**
 * The embedded, server-less default {@link org.orcapod.database.ArrowDatabase}: one SQLite file in
 * WAL mode, safe against crashes and against several processes writing at once.
 *
 * <p>Its tables follow Python orcapod's SQLite connector, so Python can read what Java wrote.
 */
@NullMarked
package org.orcapod.database.embedded;

import org.jspecify.annotations.NullMarked;
