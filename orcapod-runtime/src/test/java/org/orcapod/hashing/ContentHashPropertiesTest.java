package org.orcapod.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;

class ContentHashPropertiesTest {
  @Property
  void parseInvertsToString(
      @ForAll @AlphaChars @NotEmpty String method, @ForAll @Size(max = 64) byte[] digest) {
    ContentHash h = ContentHash.of(method, digest);
    assertThat(ContentHash.parse(h.toString())).isEqualTo(h);
    assertThat(h.toHex()).hasSize(2 * digest.length);
  }
}
