package org.orcapod.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ContentHashTest {
  private static final byte[] DIGEST = HexFormat.of().parseHex("00ff10a0");

  @Test
  void stringFormRoundTrips() {
    ContentHash h = ContentHash.of("arrow_v0.1", DIGEST);
    assertThat(h.toString()).isEqualTo("arrow_v0.1:00ff10a0");
    assertThat(ContentHash.parse(h.toString())).isEqualTo(h);
    assertThat(h.displayName(4)).isEqualTo("arrow_v0.1:00ff");
    assertThat(h.toHex(100)).isEqualTo("00ff10a0");
  }

  @Test
  void digestIsDefensivelyCopied() {
    byte[] d = DIGEST.clone();
    ContentHash h = ContentHash.of("sha256", d);
    d[0] = 1;
    h.digest()[1] = 7;
    assertThat(h.toHex()).isEqualTo("00ff10a0");
  }

  @Test
  void uuidMatchesPythonUuid5OfTheHex() {
    // Python: uuid.uuid5(uuid.NAMESPACE_OID, "00ff10a0")
    assertThat(ContentHash.of("sha256", DIGEST).toUuid().toString())
        .isEqualTo("954a728d-f5ca-54bc-b351-1166671d1696");
  }

  @Test
  void badStringsAreRejectedWithTheInputNamed() {
    assertThatThrownBy(() -> ContentHash.parse("nocolon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nocolon'");
    assertThatThrownBy(() -> ContentHash.parse("sha256:xyz"))
        .hasMessageContaining("even-length hex");
    assertThatThrownBy(() -> ContentHash.of("a:b", DIGEST)).hasMessageContaining("no ':'");
  }
}
