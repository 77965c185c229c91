/**
 * The PostgreSQL {@link org.orcapod.database.ArrowDatabase}: takes a {@link javax.sql.DataSource},
 * writes with COPY and {@code ON CONFLICT}, and is safe for concurrent writers.
 *
 * <p>Its tables follow Python orcapod's PostgreSQL connector, so Python can read what Java wrote.
 */
@NullMarked
package org.orcapod.database.postgres;

import org.jspecify.annotations.NullMarked;
