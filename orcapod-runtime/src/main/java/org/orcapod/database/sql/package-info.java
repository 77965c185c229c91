/**
 * What the SQL databases share: the mapping of Arrow columns to SQL columns and back, the naming of
 * tables after record paths, and the catalog that records each table's exact Arrow schema.
 *
 * <p>Both the embedded (SQLite) and the PostgreSQL database store a record path in one table named
 * as Python orcapod names it, with a {@code __record_id} primary key.
 */
@NullMarked
package org.orcapod.database.sql;

import org.jspecify.annotations.NullMarked;
