/**
 * The annotation processor that reads {@code @PacketFunction} methods and {@code @Pipeline}
 * declarations, validates each element and the pipeline graph, and reports precise, fixable errors.
 *
 * <p>It adapts {@code javax.lang.model} elements to the {@code org.orcapod.graph} model (shaded
 * into this jar), runs the same graph validators as the runtime, and maps their diagnostics back to
 * elements; it writes nothing when any check fails.
 */
@NullMarked
package org.orcapod.processor;

import org.jspecify.annotations.NullMarked;
