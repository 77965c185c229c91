/**
 * Vector kernels the operators are built from: gathering rows of Arrow vectors by index arrays,
 * hash indexes over key columns and value comparisons.
 *
 * <p>Every kernel works column at a time on Arrow vectors and index arrays; none of them builds
 * per-row objects.
 */
@NullMarked
package org.orcapod.operator.kernel;

import org.jspecify.annotations.NullMarked;
