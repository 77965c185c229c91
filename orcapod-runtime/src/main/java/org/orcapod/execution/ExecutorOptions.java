package org.orcapod.execution;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Per-node executor options, for example {@code parallelism = 2}: an immutable, ordered map from
 * option name to value, passed to {@link PacketFunctionExecutor#withOptions}.
 *
 * <p>Values are plain data (strings, numbers, booleans, lists, maps) so options can come from a
 * pipeline's JSON description. Each executor documents the keys it reads and ignores the rest.
 */
public record ExecutorOptions(Map<String, Object> values) {

  private static final ExecutorOptions EMPTY = new ExecutorOptions(Map.of());

  /**
   * Copies {@code values} in their iteration order.
   *
   * @throws NullPointerException naming the key whose value is null
   */
  public ExecutorOptions {
    Objects.requireNonNull(values, "values");
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          Objects.requireNonNull(key, "executor option name");
          Objects.requireNonNull(value, () -> "executor option '" + key + "' has a null value");
          copy.put(key, value);
        });
    values = Collections.unmodifiableMap(copy);
  }

  /** No options. */
  public static ExecutorOptions empty() {
    return EMPTY;
  }

  /** The given options, in their iteration order. */
  public static ExecutorOptions of(Map<String, ?> values) {
    return new ExecutorOptions(Collections.unmodifiableMap(values));
  }

  /** These options plus {@code key = value}, replacing an earlier value of {@code key}. */
  public ExecutorOptions with(String key, Object value) {
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(key, value);
    return new ExecutorOptions(copy);
  }

  /** The raw value of {@code key}, if set. */
  public Optional<Object> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /**
   * The value of {@code key} as an {@code int}, if set. Any integral number within {@code int}'s
   * range is accepted, since JSON readers produce {@code Integer} or {@code Long}.
   *
   * @throws InvalidExecutorOptionException if the value is not an integral number in range
   */
  public OptionalInt intValue(String key) {
    Object value = values.get(key);
    if (value == null) {
      return OptionalInt.empty();
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      long n = ((Number) value).longValue();
      if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
        return OptionalInt.of((int) n);
      }
    }
    throw new InvalidExecutorOptionException(key, "an integer (int range)", value);
  }
}
