package org.orcapod.hashing.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PythonFormatTest {
  /** golden/oracle/float_repr.tsv: Python's repr of ~12,000 doubles (see the README). */
  @Test
  void floatReprMatchesPythonForTheOracleTable() throws IOException {
    List<String> mismatches = new ArrayList<>();
    int rows = 0;
    try (InputStream in = getClass().getResourceAsStream("/golden/oracle/float_repr.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] parts = line.split("\t");
        double x = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
        rows++;
        String repr = PythonFormat.floatRepr(x);
        if (!repr.equals(parts[1])) {
          mismatches.add(parts[0] + ": " + repr + " expected " + parts[1]);
        }
      }
    }
    assertThat(rows).isGreaterThan(10_000);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void floatFormsOfTheIssue() {
    assertThat(PythonFormat.floatRepr(0.1)).isEqualTo("0.1");
    assertThat(PythonFormat.floatRepr(1e-5)).isEqualTo("1e-05");
    assertThat(PythonFormat.floatRepr(1e16)).isEqualTo("1e+16");
    assertThat(PythonFormat.floatRepr(3.0)).isEqualTo("3.0");
    assertThat(PythonFormat.floatRepr(-0.0)).isEqualTo("-0.0");
    assertThat(PythonFormat.floatRepr(5e-324)).isEqualTo("5e-324");
    assertThat(PythonFormat.floatRepr(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
    assertThat(PythonFormat.json(Arrays.asList(Double.NaN, 1.0 / 0, -1.0 / 0)))
        .isEqualTo("[NaN,Infinity,-Infinity]");
    assertThat(PythonFormat.repr(Arrays.asList(Double.NaN, 1.0 / 0, -1.0 / 0)))
        .isEqualTo("[nan, inf, -inf]");
  }

  @Property(tries = 3000)
  void floatReprReadsBackAsTheSameDouble(@ForAll double x) {
    String repr = PythonFormat.floatRepr(x);
    if (Double.isNaN(x)) {
      assertThat(repr).isEqualTo("nan");
    } else if (Double.isInfinite(x)) {
      assertThat(repr).isEqualTo(x > 0 ? "inf" : "-inf");
    } else {
      assertThat(Double.doubleToRawLongBits(Double.parseDouble(repr)))
          .isEqualTo(Double.doubleToRawLongBits(x));
    }
  }

  @Property(tries = 3000)
  void floatReprOfRandomBitPatternsReadsBack(@ForAll long bits) {
    double x = Double.longBitsToDouble(bits);
    if (Double.isFinite(x)) {
      assertThat(Double.parseDouble(PythonFormat.floatRepr(x))).isEqualTo(x);
    }
  }

  @Test
  void jsonEscapesAsPythonWithEnsureAsciiFalse() {
    String s = "q\" b\\ n\n r\r t\t b\b f\f nul\u0000 us\u001f del\u007f é \uD83D\uDE00 \u2028";
    assertThat(PythonFormat.json(s))
        .isEqualTo(
            "\"q\\\" b\\\\ n\\n r\\r t\\t b\\b f\\f nul\\u0000 us\\u001f del\u007f é"
                + " \uD83D\uDE00 \u2028\"");
  }

  @Test
  void keysSortByCodePointNotUtf16() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("\uD83D\uDE00", 1L); // U+1F600, UTF-16 D83D… sorts before U+FFFF by compareTo
    m.put("\uFFFF", 2L);
    m.put("a", 3L);
    assertThat("\uD83D\uDE00".compareTo("\uFFFF")).isNegative();
    assertThat(PythonFormat.json(m)).isEqualTo("{\"a\":3,\"\uFFFF\":2,\"\uD83D\uDE00\":1}");
  }

  @Test
  void reprOfStringsChoosesQuotesAndEscapesAsPython() {
    assertThat(PythonFormat.repr("it's")).isEqualTo("\"it's\"");
    assertThat(PythonFormat.repr("say \"hi\"")).isEqualTo("'say \"hi\"'");
    assertThat(PythonFormat.repr("both ' \"")).isEqualTo("'both \\' \"'");
    assertThat(PythonFormat.repr("a\tb\u0001\u00a0\u200b\uE000\uD83D\uDE00"))
        .isEqualTo("'a\\tb\\x01\\xa0\\u200b\\ue000\uD83D\uDE00'");
    Map<String, Object> tagged = new LinkedHashMap<>();
    tagged.put("__type__", "tuple");
    tagged.put("items", Arrays.asList(1L, null, true, 2.5));
    assertThat(PythonFormat.str(tagged))
        .isEqualTo("{'__type__': 'tuple', 'items': [1, None, True, 2.5]}");
  }
}
