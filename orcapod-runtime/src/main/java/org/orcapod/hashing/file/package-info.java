/**
 * File content hashing: a streaming digest of a file's bytes ({@code sha256}, as Python orcapod's
 * default file hasher) and a thread-safe cache that reads each file once per change.
 *
 * <p>The cache key is the file's real path, modification time and size.
 */
@NullMarked
package org.orcapod.hashing.file;

import org.jspecify.annotations.NullMarked;
