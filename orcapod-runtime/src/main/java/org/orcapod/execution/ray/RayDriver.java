package org.orcapod.execution.ray;

import io.ray.api.Ray;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Ray driver connection of this JVM.
 *
 * <p>Ray's Java API keeps a single global runtime per process ({@code Ray.init()} /{@code
 * Ray.shutdown()}), so every Ray executor in a JVM shares it; this class makes that sharing
 * explicit and refuses a second connection with different settings instead of silently reusing the
 * first.
 */
public final class RayDriver {

  private static final Logger LOG = LoggerFactory.getLogger(RayDriver.class);
  private static final Object LOCK = new Object();
  private static @Nullable RayDriverSettings connected;

  private RayDriver() {}

  /**
   * Connects this JVM to Ray with {@code settings}, or does nothing if it is already connected with
   * the same settings.
   *
   * @throws IllegalStateException if it is connected with other settings, or Ray's runtime jar is
   *     missing from the class path
   */
  public static void connect(RayDriverSettings settings) {
    synchronized (LOCK) {
      if (connected != null && Ray.isInitialized()) {
        if (!connected.equals(settings)) {
          throw new IllegalStateException(
              "this JVM's Ray driver is already connected with "
                  + connected
                  + "; Ray allows one connection per JVM, so it cannot also connect with "
                  + settings
                  + ". Use the same address and code search path for every RayExecutor, or"
                  + " RayDriver.shutdown() first.");
        }
        return;
      }
      requireRuntimeOnClassPath();
      Map<String, String> properties = settings.systemProperties();
      properties.forEach(System::setProperty);
      LOG.info("connecting the Ray driver: {}", properties);
      Ray.init();
      connected = settings;
    }
  }

  /** Whether {@link #connect} succeeded and {@link #shutdown} has not run since. */
  public static boolean isConnected() {
    synchronized (LOCK) {
      return connected != null && Ray.isInitialized();
    }
  }

  /** Disconnects the driver; tasks still running on the cluster are cancelled by Ray. */
  public static void shutdown() {
    synchronized (LOCK) {
      if (connected != null) {
        Ray.shutdown();
        connected.systemProperties().keySet().forEach(System::clearProperty);
        connected = null;
      }
    }
  }

  /**
   * Throws unless Ray's runtime (not only its API) is on the class path.
   *
   * @throws IllegalStateException naming the jar to add
   */
  static void requireRuntimeOnClassPath() {
    try {
      Class.forName("io.ray.runtime.RayNativeRuntime", false, RayDriver.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "Ray's Java runtime is not on the class path. Add the cluster's ray_dist.jar: it ships"
              + " in the pip `ray` wheel of the cluster's version at"
              + " <site-packages>/ray/jars/ray_dist.jar (python -c \"import ray, os;"
              + " print(os.path.dirname(ray.__file__))\"). See docs/ray.md.",
          e);
    }
  }
}
