/**
 * Arrow record databases: the {@link org.orcapod.database.ArrowDatabase} interface that stores
 * Arrow rows under a record path and a record id, with its path and error types.
 *
 * <p>Implementations live in the subpackages: in memory, embedded on disk (SQLite) and PostgreSQL.
 */
@NullMarked
package org.orcapod.database;

import org.jspecify.annotations.NullMarked;
