package org.orcapod.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected strings are what CPython 3.11 prints for {@code str(value)} of the same value. */
class PythonStrTest {
  @Test
  void floatsUsePythonsShortestRepr() {
    assertThat(PythonStr.floatRepr(0.1)).isEqualTo("0.1");
    assertThat(PythonStr.floatRepr(1e-05)).isEqualTo("1e-05");
    assertThat(PythonStr.floatRepr(0.0001)).isEqualTo("0.0001");
    assertThat(PythonStr.floatRepr(1e16)).isEqualTo("1e+16");
    assertThat(PythonStr.floatRepr(1e15)).isEqualTo("1000000000000000.0");
    assertThat(PythonStr.floatRepr(3.0)).isEqualTo("3.0");
    assertThat(PythonStr.floatRepr(-0.0)).isEqualTo("-0.0");
    assertThat(PythonStr.floatRepr(1.25)).isEqualTo("1.25");
    assertThat(PythonStr.floatRepr(-2.5e-7)).isEqualTo("-2.5e-07");
    assertThat(PythonStr.floatRepr(123456789.125)).isEqualTo("123456789.125");
    assertThat(PythonStr.floatRepr(1.7976931348623157e308)).isEqualTo("1.7976931348623157e+308");
    assertThat(PythonStr.floatRepr(Double.NaN)).isEqualTo("nan");
    assertThat(PythonStr.floatRepr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
  }

  @Test
  void otherValuesAsPythonsStr() {
    assertThat(PythonStr.of(null)).isEqualTo("None");
    assertThat(PythonStr.of(true)).isEqualTo("True");
    assertThat(PythonStr.of(42L)).isEqualTo("42");
    assertThat(PythonStr.of("abc")).isEqualTo("abc");
    assertThat(PythonStr.of(new byte[] {0, 'a', '\''})).isEqualTo("b\"\\x00a'\"");
    assertThat(PythonStr.of("a\"b".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .isEqualTo("b'a\"b'");
    assertThat(PythonStr.of("x'y\"z".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .isEqualTo("b'x\\'y\"z'");
    assertThat(PythonStr.of(List.of("it's"))).isEqualTo("[\"it's\"]");
    assertThat(PythonStr.of(List.of(1L, "x"))).isEqualTo("[1, 'x']");
  }
}
