package org.orcapod.execution.ray;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;

/** Packet batches through {@link RayExecutor} in Ray's LOCAL mode. */
@Tag("ray")
@Timeout(300)
class RayPacketBatchLocalModeTest extends RayPacketBatchScenarios {

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
}
