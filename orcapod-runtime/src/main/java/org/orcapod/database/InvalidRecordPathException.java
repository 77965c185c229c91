package org.orcapod.database;

/** A record path (or a component passed to {@code at(...)}) that a database cannot store. */
public final class InvalidRecordPathException extends IllegalArgumentException {
  private final String path;

  public InvalidRecordPathException(String path, String problem) {
    super("Invalid record path \"" + path + "\": " + problem);
    this.path = path;
  }

  /** The offending path, components joined with '/'. */
  public String path() {
    return path;
  }
}
