package org.orcapod.function;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered UUIDs (version 7), the record ids of output packets as in Python orcapod. */
final class UuidV7 {
  private static final SecureRandom RANDOM = new SecureRandom();

  private UuidV7() {}

  static String next() {
    long millis = System.currentTimeMillis();
    long rand = RANDOM.nextLong();
    long msb = (millis << 16) | 0x7000L | ((rand >>> 52) & 0x0fffL);
    long lsb = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
