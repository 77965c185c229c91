package org.orcapod.hashing.semantic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Python {@code tuple} inside an identity structure. It hashes differently from a {@link List}
 * with the same items, as in Python orcapod, where a tuple is tagged {@code "__type__":"tuple"}.
 *
 * @param items the items in order; may contain nulls (Python {@code None}); copied and unmodifiable
 */
public record PyTuple(List<@Nullable Object> items) {
  public PyTuple {
    items = Collections.unmodifiableList(new ArrayList<>(items));
  }

  /** A tuple of the given items. */
  public static PyTuple of(@Nullable Object... items) {
    return new PyTuple(Arrays.asList(items));
  }
}
