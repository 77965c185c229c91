/**
 * Schemas of tag and packet columns, the mapping between Java, Arrow and Python types, column
 * selection settings and the reserved column names shared with Python orcapod.
 *
 * <p>Names, prefixes and type tokens here are byte-for-byte those of Python orcapod, because they
 * flow into content hashes and stored tables that both implementations read.
 */
@NullMarked
package org.orcapod.schema;

import org.jspecify.annotations.NullMarked;
