package org.orcapod.hashing;

import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Hashes a file by its bytes alone (never its name or time stamps). */
public interface FileHasher {
  /** The method id written into every hash this hasher produces, e.g. {@code sha256}. */
  String hasherId();

  /**
   * Hashes the file's content.
   *
   * @throws UncheckedIOException naming the path when it cannot be read
   */
  ContentHash hash(Path file);
}
