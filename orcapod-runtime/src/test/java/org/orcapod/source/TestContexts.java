package org.orcapod.source;

/** Hashing contexts for tests: always the real {@code std:v0.1:default} hashers. */
public final class TestContexts {
  private TestContexts() {}

  /** The default data context's hashers (StarfixArrowHasher and the semantic hasher). */
  public static SourceContext real() {
    return SourceContext.defaultContext();
  }
}
