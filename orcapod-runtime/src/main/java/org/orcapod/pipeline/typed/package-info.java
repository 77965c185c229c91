/**
 * Typed access to pipelines generated from {@code @Pipeline} declarations: node handles whose rows
 * are the declared records, and the checks that bind runtime sources to declared source nodes.
 *
 * <p>The annotation processor generates one class per {@code @Pipeline} type that uses these
 * classes; they hold no generated code and read rows through a generated, reflection-free {@link
 * org.orcapod.pipeline.typed.RowReader}.
 */
@NullMarked
package org.orcapod.pipeline.typed;

import org.jspecify.annotations.NullMarked;
