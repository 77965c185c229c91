package org.orcapod.execution.ray;

import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides whether a Ray test can run here: it needs Ray's runtime jar (the pip wheel's
 * ray_dist.jar, added by the Maven profile {@code ray-dist}) and, for cluster tests, a head's
 * address. Without them a test is skipped with a loud reason, or fails when {@code CI=true}, so
 * that CI can never pass by silently skipping Ray.
 */
final class RayTestSupport {

  static final String HOW_TO =
      "Start a head and export its address and jar with `source .ci/lib/ray.sh && ci_start_ray`"
          + " (or run .ci/run), then run Maven in that shell; see docs/ray.md.";

  private RayTestSupport() {}

  /** Settings for a driver of the running test cluster, or skips/fails the test. */
  static RayDriverSettings clusterSettings() {
    requireRuntime();
    String address = setting("orcapod.ray.address", "ORCAPOD_RAY_ADDRESS");
    if (address == null) {
      unavailable("no Ray cluster address (ORCAPOD_RAY_ADDRESS is not set). " + HOW_TO);
    }
    List<String> jvm =
        RayDriverSettings.splitOptions(System.getProperty("orcapod.ray.worker.jvm.flags"));
    return RayDriverSettings.cluster(address, RayDriverSettings.currentClassPath(), jvm);
  }

  /** Skips or fails unless Ray's runtime jar is on the class path. */
  static void requireRuntime() {
    try {
      RayDriver.requireRuntimeOnClassPath();
    } catch (IllegalStateException e) {
      unavailable(
          "Ray's runtime jar is not on the test class path (ORCAPOD_RAY_DIST_JAR is not set, so"
              + " the Maven profile ray-dist is off). "
              + HOW_TO);
    }
  }

  private static @Nullable String setting(String property, String env) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank() || value.startsWith("${")) {
      value = System.getenv(env);
    }
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static void unavailable(String reason) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("Ray test cannot run on CI: " + reason);
    }
    System.err.println("*** SKIPPING RAY TEST: " + reason);
    Assumptions.abort(reason);
  }
}
