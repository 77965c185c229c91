package org.orcapod.graph;

/** Turns qualified type names into the simple names messages show. */
final class Names {
  private Names() {}

  static String simple(String qualified) {
    int generic = qualified.indexOf('<');
    String raw = generic < 0 ? qualified : qualified.substring(0, generic);
    int dot = raw.lastIndexOf('.');
    return dot < 0 ? qualified : qualified.substring(dot + 1);
  }
}
