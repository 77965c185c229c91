/**
 * The getting-started lab sample: measurements converted by an annotated packet function.
 *
 * <p>The annotation processor generates its typed pod while this module compiles.
 */
@NullMarked
package org.orcapod.samples.lab;

import org.jspecify.annotations.NullMarked;
