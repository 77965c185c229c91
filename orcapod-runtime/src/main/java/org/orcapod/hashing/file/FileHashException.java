package org.orcapod.hashing.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A file that could not be hashed: missing, a directory, or unreadable. Names the path. */
public final class FileHashException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  FileHashException(Path file, String reason, IOException cause) {
    super("cannot hash file " + file + ": " + reason, cause);
    this.file = file;
  }

  /** The path that was asked for. */
  public Path file() {
    return file;
  }
}
