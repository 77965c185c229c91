package org.orcapod.hashing;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * A content-addressable hash: the identifier of the method that produced it and the raw digest.
 *
 * <p>The string form is {@code method:hex}, as in Python orcapod, so hashes written by either
 * implementation parse in the other. Instances are immutable; the digest is copied in and out.
 */
public final class ContentHash {
  private static final HexFormat HEX = HexFormat.of();
  private static final int DEFAULT_DISPLAY_LENGTH = 8;

  private final String method;
  private final byte[] digest;

  private ContentHash(String method, byte[] digest) {
    this.method = method;
    this.digest = digest;
  }

  /**
   * Creates a hash from a method id and its digest bytes.
   *
   * @throws IllegalArgumentException if the method is empty or contains a colon
   */
  public static ContentHash of(String method, byte[] digest) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(digest, "digest");
    if (method.isEmpty() || method.indexOf(':') >= 0) {
      throw new IllegalArgumentException(
          "hash method id must be non-empty and contain no ':' but was '" + method + "'");
    }
    return new ContentHash(method, digest.clone());
  }

  /**
   * Parses the {@code method:hex} form written by {@link #toString()} (and by Python orcapod).
   *
   * @throws IllegalArgumentException naming the input when it has no colon or the hex is invalid
   */
  public static ContentHash parse(String text) {
    Objects.requireNonNull(text, "text");
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "not a content hash: '" + text + "'; expected 'method:hexdigest', e.g. 'sha256:ab12…'");
    }
    String hex = text.substring(colon + 1);
    byte[] bytes;
    try {
      bytes = HEX.parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "not a content hash: '"
              + text
              + "'; the part after ':' must be an even-length hex string",
          e);
    }
    return new ContentHash(text.substring(0, colon), bytes);
  }

  /** The identifier of the hashing method, for example {@code arrow_v0.1}. */
  public String method() {
    return method;
  }

  /** A copy of the raw digest bytes. */
  public byte[] digest() {
    return digest.clone();
  }

  /** The number of digest bytes. */
  public int length() {
    return digest.length;
  }

  /** The full lower-case hex of the digest, without the method. */
  public String toHex() {
    return HEX.formatHex(digest);
  }

  /** The first {@code chars} hex characters of the digest (all of them if fewer). */
  public String toHex(int chars) {
    if (chars < 0) {
      throw new IllegalArgumentException("hex length must be >= 0 but was " + chars);
    }
    String hex = toHex();
    return chars >= hex.length() ? hex : hex.substring(0, chars);
  }

  /** A deterministic name-based UUID (version 5, OID namespace) of the hex digest, as orcapod. */
  public UUID toUuid() {
    return Uuid5.oid(toHex());
  }

  /** A short label such as {@code arrow_v0.1:1a2b3c4d} for logs and displays. */
  public String displayName() {
    return displayName(DEFAULT_DISPLAY_LENGTH);
  }

  /** A short label with the first {@code chars} hex characters. */
  public String displayName(int chars) {
    return method + ":" + toHex(chars);
  }

  /** The canonical string form {@code method:hex}. */
  @Override
  public String toString() {
    return method + ":" + toHex();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContentHash other
        && method.equals(other.method)
        && Arrays.equals(digest, other.digest);
  }

  @Override
  public int hashCode() {
    return 31 * method.hashCode() + Arrays.hashCode(digest);
  }
}
