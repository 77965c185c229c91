package org.orcapod.observe;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
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

  /** Milliseconds shifted left by 12, plus a counter: what the last id used. */
  private static final AtomicLong LAST = new AtomicLong();

  /**
   * A UUIDv7 string; ids from this process strictly increase (the 12 {@code rand_a} bits count
   * within a millisecond), so sorting status rows by id gives their event order.
   */
  static String uuid7(long millis) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long next = LAST.updateAndGet(prev -> Math.max(prev + 1, millis << 12));
    long msb = ((next >>> 12) << 16) | 0x7000L | (next & 0x0FFFL);
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
