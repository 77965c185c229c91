package org.orcapod.hashing.arrow;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A growable bit vector packed least-significant bit first, like Arrow validity bitmaps and Rust's
 * {@code bitvec<u8, Lsb0>} that starfix uses for validity and boolean values.
 */
final class BitVec {
  private byte[] bytes = new byte[16];
  private long length;

  /** Empties the vector, keeping its storage. */
  void clear() {
    Arrays.fill(bytes, 0, (int) ((length + 7) >>> 3), (byte) 0);
    length = 0;
  }

  long length() {
    return length;
  }

  void push(boolean bit) {
    int byteIndex = (int) (length >>> 3);
    ensure(byteIndex + 1);
    if (bit) {
      bytes[byteIndex] |= (byte) (1 << (int) (length & 7));
    }
    length++;
  }

  /** Appends {@code count} set bits. */
  void pushOnes(int count) {
    if (count <= 0) {
      return;
    }
    ensure((int) ((length + count + 7) >>> 3));
    int i = 0;
    while (i < count && (length & 7) != 0) {
      push(true);
      i++;
    }
    int whole = (count - i) >>> 3;
    int at = (int) (length >>> 3);
    Arrays.fill(bytes, at, at + whole, (byte) 0xFF);
    length += (long) whole << 3;
    i += whole << 3;
    for (; i < count; i++) {
      push(true);
    }
  }

  /** Appends {@code valid[0..count)}. */
  void push(boolean[] valid, int count) {
    ensure((int) ((length + count + 7) >>> 3));
    for (int i = 0; i < count; i++) {
      push(valid[i]);
    }
  }

  /** Feeds the packed bytes (the last one partial) to {@code digest}. */
  void writeBytes(MessageDigest digest) {
    digest.update(bytes, 0, (int) ((length + 7) >>> 3));
  }

  private void ensure(int byteCount) {
    if (byteCount > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(byteCount, bytes.length * 2));
    }
  }
}
