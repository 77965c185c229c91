package org.orcapod.node;

/**
 * What one {@code run()} of a function node did.
 *
 * @param computed function calls that produced a result
 * @param cached rows served from stored results (pipeline records or the result cache)
 * @param dropped rows the function dropped (returned null)
 * @param crashed rows whose call threw
 * @param staleFingerprints served results that a function body with another bytecode fingerprint
 *     computed (the body changed without a version bump); each is also warned about
 */
public record RunReport(int computed, int cached, int dropped, int crashed, int staleFingerprints) {
  /** The number of output rows. */
  public int outputRows() {
    return computed + cached;
  }
}
