package org.orcapod.stream;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.orcapod.hashing.semantic.PyTuple;

/** Builders of identity-structure values shared by streams, sources and operators. */
public final class Identity {
  private Identity() {}

  /** A Python tuple of {@code items} for an identity structure. */
  public static PyTuple tuple(@Nullable Object... items) {
    return PyTuple.of(items);
  }

  /** A Python tuple of the items of {@code items}. */
  public static PyTuple tuple(List<?> items) {
    return tuple(items.toArray());
  }
}
