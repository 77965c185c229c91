/**
 * Data contexts: a versioned, named set of hashing components (file, Arrow and semantic hashers)
 * described by a JSON resource, so stored hashes keep their meaning when later contexts change
 * algorithms.
 *
 * <p>Context {@code std:v0.1:default} matches Python orcapod's {@code contexts/data/v0.1.json}.
 */
@NullMarked
package org.orcapod.context;

import org.jspecify.annotations.NullMarked;
