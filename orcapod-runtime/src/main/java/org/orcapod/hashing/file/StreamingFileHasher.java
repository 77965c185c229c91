package org.orcapod.hashing.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Objects;
import org.orcapod.hashing.ContentHash;
import org.orcapod.hashing.FileHasher;

/**
 * Digests a file's bytes in 64 KiB chunks, as Python orcapod's {@code BasicFileHasher}: the method
 * id is Python's {@code hashlib} algorithm name ({@code sha256} by default) and the digest is the
 * raw digest of the content, so {@code sha256:<hex>} equals {@code sha256sum}.
 *
 * <p>It reads the file on every call; wrap it in {@link CachingFileHasher} to read once per change.
 */
public final class StreamingFileHasher implements FileHasher {
  /** The default algorithm of data context {@code std:v0.1}. */
  public static final String SHA256 = "sha256";

  private static final int BUFFER_SIZE = 64 * 1024;

  /** Python hashlib names to JCA names. */
  private static final Map<String, String> ALGORITHMS =
      Map.of(
          "sha256", "SHA-256",
          "sha1", "SHA-1",
          "md5", "MD5",
          "sha224", "SHA-224",
          "sha384", "SHA-384",
          "sha512", "SHA-512",
          "sha3_256", "SHA3-256",
          "sha3_512", "SHA3-512");

  private final String algorithm;
  private final String jcaName;

  /** A {@code sha256} file hasher. */
  public StreamingFileHasher() {
    this(SHA256);
  }

  /**
   * A file hasher for a Python {@code hashlib} algorithm name.
   *
   * @throws IllegalArgumentException listing the supported names if {@code algorithm} is unknown
   */
  public StreamingFileHasher(String algorithm) {
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    String jca = ALGORITHMS.get(algorithm);
    if (jca == null) {
      throw new IllegalArgumentException(
          "unknown file hash algorithm '"
              + algorithm
              + "'; use one of "
              + new java.util.TreeSet<>(ALGORITHMS.keySet()));
    }
    this.jcaName = jca;
    newDigest(); // fail now, not on the first file, if the JDK lacks it
  }

  @Override
  public String hasherId() {
    return algorithm;
  }

  @Override
  public ContentHash hash(Path file) {
    if (Files.isDirectory(file)) {
      throw new FileHashException(
          file,
          "it is a directory; only regular files are hashed by content",
          new IOException("is a directory"));
    }
    MessageDigest digest = newDigest();
    byte[] buffer = new byte[BUFFER_SIZE];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    } catch (NoSuchFileException e) {
      throw new FileHashException(file, "no such file", e);
    } catch (AccessDeniedException e) {
      throw new FileHashException(file, "permission denied", e);
    } catch (IOException e) {
      throw new FileHashException(file, "read failed: " + e, e);
    }
    return ContentHash.of(algorithm, digest.digest());
  }

  private MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no " + jcaName + " for '" + algorithm + "'", e);
    }
  }
}
