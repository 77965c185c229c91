package org.orcapod.cli;

/** A public class that is not a pipeline definition, for the command's error tests. */
public final class NotADefinition {
  /** Public, so only the missing interface is wrong. */
  public NotADefinition() {}
}
