package org.orcapod.context;

import java.util.List;

/** A context key or version that no registered context has; lists the ones that exist. */
public final class UnknownDataContextException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String requested;
  private final List<String> available;

  UnknownDataContextException(String requested, List<String> available) {
    super(
        "unknown data context '"
            + requested
            + "'; available: "
            + String.join(", ", available)
            + " (give a full key such as std:v0.1:default, a version such as v0.1, or 'latest')");
    this.requested = requested;
    this.available = List.copyOf(available);
  }

  /** The key or version that was asked for. */
  public String requested() {
    return requested;
  }

  /** The known contexts, each as {@code key (version)}. */
  public List<String> available() {
    return available;
  }
}
