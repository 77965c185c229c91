package org.orcapod.execution.capture;

import org.orcapod.execution.PacketLogger;
import org.slf4j.LoggerFactory;

/**
 * Run in a child JVM with {@code -Dslf4j.provider=...CapturingSlf4jProvider}; prints its capture.
 */
final class Slf4jProviderMain {
  private Slf4jProviderMain() {}

  public static void main(String[] args) throws Exception {
    RecordingLogger logger = new RecordingLogger();
    Capture.call(
        () -> {
          LoggerFactory.getLogger("orcapod.child").info("from the child {}", 42);
          return null;
        },
        logger);
    System.out.println("LOGS=[" + logger.only().get(PacketLogger.LOGS) + "]");
    System.out.println("STDERR=[" + logger.only().get(PacketLogger.STDERR) + "]");
  }
}
