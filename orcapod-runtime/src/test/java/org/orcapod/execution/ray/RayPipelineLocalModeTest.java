package org.orcapod.execution.ray;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/**
 * The pipeline scenarios in Ray's LOCAL mode: the same packet batches, references and capture as on
 * a cluster, but the tasks run in this JVM.
 */
@Tag("ray")
@Timeout(300)
class RayPipelineLocalModeTest extends RayPipelineScenarios {

  private static RayExecutor executor;

  @BeforeAll
  static void connect() {
    RayTestSupport.requireRuntime();
    executor = RayExecutor.local();
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
    return false;
  }
}
