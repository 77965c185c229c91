/**
 * Content identities: the {@link org.orcapod.hashing.ContentHash} value and the hashers that
 * produce it for Arrow tables, identity structures and files.
 *
 * <p>Every algorithm here is byte-compatible with Python orcapod's data context {@code std:v0.1}.
 */
@NullMarked
package org.orcapod.hashing;

import org.jspecify.annotations.NullMarked;
