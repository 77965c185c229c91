/**
 * Pipeline hashes of declared nodes, computed from their schemas and functions alone with the same
 * bytes as the runtime's {@code semantic_v0.1} hasher (Python orcapod's JSON semantic hashing).
 *
 * <p>The annotation processor writes these hashes into generated pipelines as constants; the
 * generated code checks them against the runtime's own values when it builds the pipeline.
 */
@NullMarked
package org.orcapod.graph.identity;

import org.jspecify.annotations.NullMarked;
