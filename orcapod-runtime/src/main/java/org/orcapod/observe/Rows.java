package org.orcapod.observe;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.arrow.vector.LargeVarCharVector;
import org.jspecify.annotations.Nullable;
import org.orcapod.datagram.Tag;

/** Small helpers shared by the observers. */
final class Rows {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

  private Rows() {}

  /** ISO-8601 UTC with microseconds and {@code +00:00}, as Python's {@code isoformat()}. */
  static String timestamp(Instant now) {
    return TIMESTAMP.format(now);
  }

  /** A UUIDv7 (time-ordered) string. */
  static String uuid7(long millis) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (millis << 16) | 0x7000L | (r.nextLong() & 0x0FFFL);
    long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  /** The tag's data values by column name, as strings (null stays null). */
  static Map<String, @Nullable String> tagStrings(Tag tag) {
    Map<String, @Nullable String> out = new LinkedHashMap<>();
    tag.data().forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
    return out;
  }

  static void set(LargeVarCharVector v, int i, @Nullable String s) {
    if (s == null) {
      v.setNull(i);
    } else {
      v.setSafe(i, s.getBytes(StandardCharsets.UTF_8));
    }
  }
}
