package org.orcapod.execution.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.orcapod.execution.ExecutorOptions;
import org.orcapod.execution.InvalidExecutorOptionException;
import org.orcapod.execution.JavaFunctionExecutor;
import org.orcapod.execution.PacketLogger;

/** Configuration and contract checks that need no Ray runtime. */
class RayExecutorTest {

  private final RayExecutor base = RayExecutor.connect("127.0.0.1:6379");

  @Test
  void identityAndDefaults() {
    assertThat(base.executorTypeId()).isEqualTo("ray.v0");
    assertThat(base.supports(JavaFunctionExecutor.JAVA_FUNCTION_TYPE_ID)).isTrue();
    assertThat(base.supportsConcurrentExecution()).isTrue();
    assertThat(base.executorInfo())
        .containsExactly(entry("executor_type", "ray.v0"), entry("ray_address", "127.0.0.1:6379"));
    assertThat(base.driverSettings().workerJvmOptions())
        .isEqualTo(RayExecutor.DEFAULT_WORKER_JVM_OPTIONS);
    assertThat(base.driverSettings().codeSearchPath()).isNotEmpty();
    assertThat(base.retry().maxAttempts()).isEqualTo(3);
    assertThat(RayExecutor.local().executorInfo()).containsEntry("ray_address", "local");
  }

  @Test
  void withOptionsReturnsANewExecutorWithEachOptionApplied() {
    RayExecutor configured =
        base.withOptions(
            ExecutorOptions.of(
                Map.of(
                    "address",
                    "10.0.0.5:6380",
                    "num_cpus",
                    2,
                    "num_gpus",
                    0.5,
                    "resources",
                    Map.of("memory_gb", 4),
                    "runtime_env",
                    Map.of("env_vars", Map.of("MODE", "test")),
                    "batch_size",
                    32,
                    "max_attempts",
                    5,
                    "code_search_path",
                    List.of("/shared/app.jar"))));
    assertThat(configured).isNotSameAs(base);
    assertThat(configured.driverSettings().address()).isEqualTo("10.0.0.5:6380");
    assertThat(configured.driverSettings().codeSearchPath()).containsExactly("/shared/app.jar");
    assertThat(configured.taskOptions().resources())
        .containsEntry("CPU", 2.0)
        .containsEntry("GPU", 0.5)
        .containsEntry("memory_gb", 4.0);
    assertThat(configured.taskOptions().runtimeEnv())
        .containsEntry("env_vars", Map.of("MODE", "test"));
    assertThat(configured.batchSize()).isEqualTo(32);
    assertThat(configured.retry().maxAttempts()).isEqualTo(5);
    assertThat(base.batchSize()).isEqualTo(16);
    assertThat(base.withOptions(ExecutorOptions.empty())).isNotSameAs(base);
    assertThat(base.withOptions(ExecutorOptions.of(Map.of("address", "local"))).driverSettings())
        .isEqualTo(RayDriverSettings.local());
    assertThat(base.withOptions(ExecutorOptions.of(Map.of("parallelism", 4))).batchSize())
        .isEqualTo(16);
  }

  @Test
  void badOptionValuesNameTheOption() {
    assertBad(Map.of("batch_size", 0), "batch_size");
    assertBad(Map.of("max_attempts", "three"), "max_attempts");
    assertBad(Map.of("num_cpus", -1), "num_cpus");
    assertBad(Map.of("resources", List.of("CPU")), "resources");
    assertBad(Map.of("runtime_env", "pip"), "runtime_env");
    assertBad(Map.of("address", "nohostport"), "address");
    assertBad(Map.of("code_search_path", List.of(1, 2)), "code_search_path");
  }

  private void assertBad(Map<String, Object> options, String key) {
    assertThatThrownBy(() -> base.withOptions(ExecutorOptions.of(options)))
        .isInstanceOf(InvalidExecutorOptionException.class)
        .hasMessageContaining(key)
        .satisfies(e -> assertThat(((InvalidExecutorOptionException) e).option()).isEqualTo(key));
  }

  @Test
  void aFunctionThatIsNotSerializableIsRejectedUpFront() {
    Callable<Integer> plain = () -> 1;
    assertThatThrownBy(() -> base.executeCallableAsync(plain, PacketLogger.noOp()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not Serializable");
  }

  @Test
  void aClosedExecutorRefusesWork() {
    RayExecutor executor = RayExecutor.connect("127.0.0.1:6379");
    executor.close();
    executor.close();
    Callable<Integer> call = (Callable<Integer> & java.io.Serializable) () -> 1;
    assertThatThrownBy(() -> executor.executeCallable(call, PacketLogger.noOp()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[Orcapod/ExecutorClosed]");
    assertThatThrownBy(() -> executor.executeCallableAsync(call, PacketLogger.noOp()))
        .isInstanceOf(IllegalStateException.class);
  }
}
