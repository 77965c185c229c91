package org.orcapod.function;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;

/**
 * Reads classes through the thread's context class loader first: in a Ray worker, user classes come
 * from the job's code search path, which is not the loader of this class.
 */
final class ContextObjectInputStream extends ObjectInputStream {
  ContextObjectInputStream(InputStream in) throws IOException {
    super(in);
  }

  @Override
  protected Class<?> resolveClass(ObjectStreamClass desc)
      throws IOException, ClassNotFoundException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader != null) {
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        // fall back to the default resolution (primitive types, this loader)
      }
    }
    return super.resolveClass(desc);
  }
}
