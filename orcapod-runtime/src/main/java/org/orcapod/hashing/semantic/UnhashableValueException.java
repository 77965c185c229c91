package org.orcapod.hashing.semantic;

import org.jspecify.annotations.Nullable;

/**
 * A value in an identity structure that the semantic hasher cannot hash: an unsupported type, an
 * integer Python cannot print, a string with an unpaired surrogate, two map keys with the same
 * string form, or a file that cannot be read. It names the location of the value inside the
 * structure (a path such as {@code $.inputs[2]}) and the value's Java type.
 */
public final class UnhashableValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String valueType;
  private final String reason;

  UnhashableValueException(String path, Class<?> valueType, String reason) {
    this(path, valueType.getName(), reason, null);
  }

  UnhashableValueException(
      String path, String valueType, String reason, @Nullable Throwable cause) {
    super("cannot hash the value at " + path + " (" + valueType + "): " + reason, cause);
    this.path = path;
    this.valueType = valueType;
    this.reason = reason;
  }

  /** Where the value sits in the structure, e.g. {@code $.inputs[2]}; {@code $} is the root. */
  public String path() {
    return path;
  }

  /** The Java class name of the value. */
  public String valueType() {
    return valueType;
  }

  /** Why it cannot be hashed and how to fix it. */
  public String reason() {
    return reason;
  }

  /** The same failure seen from an enclosing structure: {@code prefix} is prepended to the path. */
  UnhashableValueException within(String prefix) {
    String inner = path.startsWith("$") ? path.substring(1) : path;
    return new UnhashableValueException(prefix + inner, valueType, reason, getCause());
  }
}
