package org.orcapod.execution.ray;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.orcapod.execution.ExecutorOptions;

/** Pipelines whose function nodes run in the worker JVMs of the running Ray cluster. */
@Tag("ray")
@Timeout(600)
class RayPipelineClusterTest extends RayPipelineScenarios {

  private static RayExecutor executor;

  @BeforeAll
  static void connect() {
    RayDriverSettings settings = RayTestSupport.clusterSettings();
    executor =
        RayExecutor.connect(settings.address())
            .withOptions(
                ExecutorOptions.of(
                    Map.of(
                        "worker_jvm_options", settings.workerJvmOptions(),
                        "code_search_path", settings.codeSearchPath())));
    executor.start();
  }

  @AfterAll
  static void disconnect() {
    if (executor != null) {
      executor.close();
    }
    RayDriver.shutdown();
  }

  @Override
  RayExecutor ray() {
    return executor;
  }

  @Override
  boolean remote() {
    return true;
  }
}
