package org.orcapod.function;

/** What a per-packet loop does when a packet's function throws. */
public enum ErrorPolicy {
  /** Report the crash, skip the packet and go on with the next one. */
  CONTINUE,
  /** Report the crash, keep what was already computed, and re-throw the exception. */
  FAIL_FAST
}
