package org.orcapod.node;

/** What an operator node does with its database, as Python orcapod's {@code CacheMode}. */
public enum CacheMode {
  /** Compute; write nothing. */
  OFF,
  /** Compute and append the output rows to the database. */
  LOG,
  /** Do not compute; serve the rows stored by an earlier LOG run. */
  REPLAY
}
