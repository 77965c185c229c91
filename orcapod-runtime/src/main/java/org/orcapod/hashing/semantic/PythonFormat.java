package org.orcapod.hashing.semantic;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Python's text forms of the values in an expanded identity tree: {@code repr(float)}, {@code
 * json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)} and {@code
 * repr}/{@code str} of nested lists and dicts.
 *
 * <p>A tree holds only {@code null}, {@link Boolean}, {@link Long}, {@link BigInteger}, {@link
 * Double}, {@link String}, {@link List} and {@link Map} with String keys in insertion order.
 */
public final class PythonFormat {
  /** Orders strings by Unicode code point, as Python compares {@code str}. */
  public static final Comparator<String> CODE_POINT_ORDER = PythonFormat::compareCodePoints;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private PythonFormat() {}

  /**
   * Python's {@code repr(x)} of a float: the shortest decimal that reads back as {@code x}, in
   * fixed notation when the decimal exponent is in [-4, 16) and scientific otherwise ({@code 0.1},
   * {@code 1e-05}, {@code 1e+16}, {@code 3.0}, {@code -0.0}, {@code nan}, {@code inf}).
   */
  public static String floatRepr(double x) {
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    if (x == 0) {
      return (Double.doubleToRawLongBits(x) < 0) ? "-0.0" : "0.0";
    }
    BigDecimal shortest = shortestRoundTrip(Math.abs(x)).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int decpt = digits.length() - shortest.scale();
    StringBuilder sb = new StringBuilder(24);
    if (x < 0) {
      sb.append('-');
    }
    if (decpt <= -4 || decpt > 16) {
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      int exp = decpt - 1;
      sb.append('e').append(exp < 0 ? '-' : '+');
      int absExp = Math.abs(exp);
      if (absExp < 10) {
        sb.append('0');
      }
      sb.append(absExp);
    } else if (decpt <= 0) {
      sb.append("0.");
      sb.append("0".repeat(-decpt));
      sb.append(digits);
    } else if (decpt >= digits.length()) {
      sb.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
    } else {
      sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
    }
    return sb.toString();
  }

  /** Python's {@code json.dumps} of a float: its repr, or {@code NaN}/{@code Infinity}. */
  static String floatJson(double x) {
    if (Double.isNaN(x)) {
      return "NaN";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "Infinity" : "-Infinity";
    }
    return floatRepr(x);
  }

  /**
   * The decimal with the fewest significant digits that parses back to {@code x} (positive,
   * finite); among equally short ones the nearest to {@code x}, as David Gay's dtoa mode 0 used by
   * CPython.
   */
  private static BigDecimal shortestRoundTrip(double x) {
    BigDecimal exact = new BigDecimal(x);
    for (int p = 1; p < 17; p++) {
      BigDecimal nearest = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (readsBackAs(nearest, x)) {
        return nearest;
      }
      // Next to a power of two the round-trip interval is lopsided: the farther neighbour may
      // still read back when the nearest does not.
      BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
      BigDecimal other =
          down.compareTo(nearest) == 0 ? exact.round(new MathContext(p, RoundingMode.UP)) : down;
      if (readsBackAs(other, x)) {
        return other;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }

  private static boolean readsBackAs(BigDecimal candidate, double x) {
    return Double.parseDouble(candidate.toString()) == x;
  }

  /** Compares two strings by Unicode code point (Java's compareTo compares UTF-16 units). */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** {@code json.dumps(tree, sort_keys=True, separators=(",", ":"), ensure_ascii=False)}. */
  static String json(@Nullable Object tree) {
    StringBuilder sb = new StringBuilder();
    writeJson(tree, sb);
    return sb.toString();
  }

  private static void writeJson(@Nullable Object v, StringBuilder sb) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Boolean b) {
      sb.append(b ? "true" : "false");
    } else if (v instanceof Long || v instanceof BigInteger) {
      sb.append(v);
    } else if (v instanceof Double d) {
      sb.append(floatJson(d));
    } else if (v instanceof String s) {
      writeJsonString(s, sb);
    } else if (v instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        writeJson(list.get(i), sb);
      }
      sb.append(']');
    } else if (v instanceof Map<?, ?> map) {
      List<String> keys = new ArrayList<>(map.size());
      for (Object k : map.keySet()) {
        keys.add((String) k);
      }
      keys.sort(CODE_POINT_ORDER);
      sb.append('{');
      boolean first = true;
      for (String k : keys) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        writeJsonString(k, sb);
        sb.append(':');
        writeJson(map.get(k), sb);
      }
      sb.append('}');
    } else {
      throw new IllegalStateException("not a tree value: " + v.getClass().getName());
    }
  }

  private static void writeJsonString(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) {
            sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** Python's {@code str(tree)}: a string is itself, anything else its repr. */
  static String str(@Nullable Object tree) {
    return tree instanceof String s ? s : repr(tree);
  }

  /** Python's {@code repr(tree)}, e.g. {@code {'a': [1, None, 'x']}}. */
  static String repr(@Nullable Object tree) {
    StringBuilder sb = new StringBuilder();
    writeRepr(tree, sb);
    return sb.toString();
  }

  private static void writeRepr(@Nullable Object v, StringBuilder sb) {
    if (v == null) {
      sb.append("None");
    } else if (v instanceof Boolean b) {
      sb.append(b ? "True" : "False");
    } else if (v instanceof Long || v instanceof BigInteger) {
      sb.append(v);
    } else if (v instanceof Double d) {
      sb.append(floatRepr(d));
    } else if (v instanceof String s) {
      writeStringRepr(s, sb);
    } else if (v instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        writeRepr(list.get(i), sb);
      }
      sb.append(']');
    } else if (v instanceof Map<?, ?> map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        writeRepr(e.getKey(), sb);
        sb.append(": ");
        writeRepr(e.getValue(), sb);
      }
      sb.append('}');
    } else {
      throw new IllegalStateException("not a tree value: " + v.getClass().getName());
    }
  }

  private static void writeStringRepr(String s, StringBuilder sb) {
    char quote = (s.indexOf('\'') >= 0 && s.indexOf('"') < 0) ? '"' : '\'';
    sb.append(quote);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == quote || cp == '\\') {
        sb.append('\\').append((char) cp);
      } else if (cp == '\t') {
        sb.append("\\t");
      } else if (cp == '\n') {
        sb.append("\\n");
      } else if (cp == '\r') {
        sb.append("\\r");
      } else if (isPrintable(cp)) {
        sb.appendCodePoint(cp);
      } else if (cp < 0x100) {
        sb.append("\\x");
        appendHex(cp, 2, sb);
      } else if (cp < 0x10000) {
        sb.append("\\u");
        appendHex(cp, 4, sb);
      } else {
        sb.append("\\U");
        appendHex(cp, 8, sb);
      }
    }
    sb.append(quote);
  }

  private static void appendHex(int value, int width, StringBuilder sb) {
    for (int shift = 4 * (width - 1); shift >= 0; shift -= 4) {
      sb.append(HEX[(value >> shift) & 0xf]);
    }
  }

  /** Python's {@code str.isprintable} for one code point (by this JDK's Unicode tables). */
  private static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR ->
          false;
      default -> true;
    };
  }
}
