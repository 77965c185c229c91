package org.orcapod.context;

import org.jspecify.annotations.Nullable;

/**
 * A context description that cannot be loaded or a component that cannot be built from it: bad
 * JSON, a missing field, a class not on the class path, no matching constructor, or a component
 * whose method id differs from the one the context pins.
 */
public final class DataContextConfigurationException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  DataContextConfigurationException(String message) {
    super(message);
  }

  DataContextConfigurationException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
