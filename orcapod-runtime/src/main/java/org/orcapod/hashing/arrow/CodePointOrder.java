package org.orcapod.hashing.arrow;

import java.util.Comparator;

/**
 * Orders strings by Unicode code point, as Python sorts {@code str}. Java's {@link
 * String#compareTo} compares UTF-16 units instead and puts characters above U+FFFF (surrogate
 * pairs, 0xD800–0xDFFF) before U+E000–U+FFFF.
 */
final class CodePointOrder implements Comparator<String> {
  static final CodePointOrder INSTANCE = new CodePointOrder();

  private CodePointOrder() {}

  @Override
  public int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        // Only surrogates are out of code point order; lift them above the rest of the BMP.
        if (x >= 0xD800 && y >= 0xD800) {
          return rank(x) - rank(y);
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }

  private static int rank(char c) {
    if (c >= 0xD800 && c <= 0xDFFF) {
      return c + 0x2000; // 0xD800..0xDFFF -> 0xF800..0xFFFF, above 0xE000..0xFFFF shifted down
    }
    return c - 0x800; // 0xE000..0xFFFF -> 0xD800..0xF7FF
  }
}
