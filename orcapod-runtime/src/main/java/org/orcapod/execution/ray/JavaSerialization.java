package org.orcapod.execution.ray;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;

/**
 * Java serialization to and from bytes, resolving classes through the thread's context class loader
 * first: in a Ray worker, user classes come from the job's code search path, which is not the
 * system class loader. Only for data between a driver and its own cluster, which trust each other.
 */
final class JavaSerialization {

  private JavaSerialization() {}

  static byte[] toBytes(Object value, String what) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException(
          what
              + " cannot be sent to a Ray worker: "
              + e.getMessage()
              + " is not Serializable. Make the function, the values it captures and its result"
              + " Serializable (a lambda: cast it to an intersection type with Serializable).",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize " + what, e);
    }
    return bytes.toByteArray();
  }

  static Object fromBytes(byte[] bytes, String what) {
    try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "cannot read "
              + what
              + ": class "
              + e.getMessage()
              + " is missing here. Put it on the Ray job's code search path"
              + " (ray.job.code-search-path) and the driver's class path.",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot deserialize " + what, e);
    }
  }

  private static final class ContextObjectInputStream extends ObjectInputStream {
    ContextObjectInputStream(InputStream in) throws IOException {
      super(in);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      if (context != null) {
        try {
          return Class.forName(desc.getName(), false, context);
        } catch (ClassNotFoundException ignored) {
          // fall back to the default resolution below
        }
      }
      try {
        return Class.forName(desc.getName(), false, JavaSerialization.class.getClassLoader());
      } catch (ClassNotFoundException ignored) {
        return super.resolveClass(desc);
      }
    }
  }
}
