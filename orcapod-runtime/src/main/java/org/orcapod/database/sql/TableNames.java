package org.orcapod.database.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.orcapod.database.RecordPath;

/** Names SQL tables after record paths the way Python orcapod's connector databases do. */
public final class TableNames {
  private TableNames() {}

  /**
   * Python orcapod's name: every character outside {@code [A-Za-z0-9_]} becomes {@code _}, the
   * components are joined with {@code __}, and a leading digit gets a {@code t_} prefix.
   */
  public static String pythonName(RecordPath path) {
    StringBuilder b = new StringBuilder();
    List<String> parts = path.components();
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        b.append("__");
      }
      // Per code point, as Python's re.sub does on str (an emoji is one '_', not two).
      parts
          .get(i)
          .codePoints()
          .forEach(
              c -> {
                boolean ok =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                b.append(ok || c == '_' ? (char) c : '_');
              });
    }
    if (b.length() > 0 && Character.isDigit(b.charAt(0))) {
      b.insert(0, "t_");
    }
    return b.toString();
  }

  /**
   * A name for {@code path} that is unique even when {@link #pythonName} collides or is too long: a
   * prefix of it, then {@code _} and 16 hex digits of the SHA-256 of the record key.
   */
  public static String uniqueName(RecordPath path, int maxBytes) {
    String suffix = "_" + hash(path.key());
    String base = pythonName(path);
    int keep = Math.min(base.length(), Math.max(0, Math.min(maxBytes, 1000) - suffix.length()));
    return base.substring(0, keep) + suffix;
  }

  /** The preferred name, or a {@link #uniqueName} when the preferred one is too long. */
  public static String preferredName(RecordPath path, SqlDialect dialect) {
    String name = pythonName(path);
    if (name.getBytes(StandardCharsets.UTF_8).length > dialect.maxIdentifierBytes()) {
      return uniqueName(path, dialect.maxIdentifierBytes());
    }
    return name;
  }

  /** 16 hex digits of the SHA-256 of {@code key}. */
  public static String hash(String key) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
