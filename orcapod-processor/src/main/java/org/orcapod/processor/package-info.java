/**
 * The annotation processor that reads {@code @PacketFunction} methods and {@code @Pipeline}
 * declarations, validates each element and the pipeline graph, and reports precise, fixable errors.
 *
 * <p>It adapts {@code javax.lang.model} elements to the {@code org.orcapod.graph} model (shaded
 * into this jar), runs the same graph validators as the runtime, and maps their diagnostics back to
 * elements; it writes nothing when any check fails. With the runtime on the compile class path it
 * generates a typed pod per function and an implementation per pipeline.
 */
@NullMarked
package org.orcapod.processor;

import org.jspecify.annotations.NullMarked;
