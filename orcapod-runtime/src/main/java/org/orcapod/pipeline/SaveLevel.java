package org.orcapod.pipeline;

/** How much {@link Pipeline#toJson} writes, as Python orcapod's save levels. */
public enum SaveLevel {
  /** Topology and identity only (labels, hashes, schemas, node uris, edges). */
  MINIMAL,
  /** Adds each node's configuration (data context, function, operator, source, table scope). */
  DEFINITION,
  /** Adds the pipeline-level databases (described without credentials) and cache modes. */
  STANDARD,
  /** Adds the default observer's configuration. */
  FULL;

  /** The lower-case name used in the file. */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
