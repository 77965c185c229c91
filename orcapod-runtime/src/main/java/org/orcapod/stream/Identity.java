package org.orcapod.stream;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builders of identity-structure values shared by streams, sources and operators. */
public final class Identity {
  private Identity() {}

  /**
   * A Python tuple of {@code items} for an identity structure.
   *
   * <p>TODO(model-ops): returns the semantic hasher's tuple value once {@code
   * org.orcapod.hashing.semantic} lands on main; until then a plain list (which hashes as a Python
   * list, so cross-language identity tests fail visibly until the switch).
   */
  public static Object tuple(@Nullable Object... items) {
    return Collections.unmodifiableList(Arrays.asList(items.clone()));
  }

  /** A Python tuple of the items of {@code items}. */
  public static Object tuple(List<?> items) {
    return tuple(items.toArray());
  }
}
