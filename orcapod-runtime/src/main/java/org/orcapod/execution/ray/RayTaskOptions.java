package org.orcapod.execution.ray;

import io.ray.api.call.BaseTaskCaller;
import io.ray.api.runtimeenv.RuntimeEnv;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-task Ray options: logical resources (CPU, GPU, custom ones) and the runtime environment.
 *
 * @param resources Ray resources each task needs, for example {@code CPU=1.0}; Ray's default (one
 *     CPU) when empty
 * @param runtimeEnv runtime-env fields for the task's workers, for example {@code env_vars} to a
 *     map or {@code jars} to a list of URLs; none when empty
 */
public record RayTaskOptions(Map<String, Double> resources, Map<String, Object> runtimeEnv) {

  /** Ray's defaults. */
  public static final RayTaskOptions DEFAULT = new RayTaskOptions(Map.of(), Map.of());

  /**
   * Validates and copies, keeping the order.
   *
   * @throws IllegalArgumentException naming a negative or non-finite resource amount
   */
  public RayTaskOptions {
    Map<String, Double> checked = new LinkedHashMap<>();
    resources.forEach(
        (name, amount) -> {
          Objects.requireNonNull(name, "resource name");
          if (amount == null || !(amount >= 0) || amount.isInfinite()) {
            throw new IllegalArgumentException(
                "Ray resource '" + name + "' needs a finite amount >= 0, got " + amount);
          }
          checked.put(name, amount);
        });
    resources = java.util.Collections.unmodifiableMap(checked);
    runtimeEnv = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runtimeEnv));
  }

  /** Applies these options to a task call before {@code remote()}. */
  <C extends BaseTaskCaller<C>> C applyTo(C caller) {
    if (!resources.isEmpty()) {
      caller.setResources(resources);
    }
    if (!runtimeEnv.isEmpty()) {
      RuntimeEnv env = new RuntimeEnv.Builder().build();
      runtimeEnv.forEach(env::set);
      caller.setRuntimeEnv(env);
    }
    return caller;
  }
}
