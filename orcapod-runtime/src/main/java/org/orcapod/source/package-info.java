/**
 * Root sources: Arrow tables, Java maps, lists and records, CSV files and JDBC queries turned into
 * streams with exactly Python orcapod's enrichment (schema hash, source id, record ids, source-info
 * tokens and system tags).
 *
 * <p>{@link org.orcapod.source.SourceStreamBuilder} does the enrichment on Arrow vectors; every
 * source class only produces an Arrow table and hands it over.
 */
@NullMarked
package org.orcapod.source;

import org.jspecify.annotations.NullMarked;
