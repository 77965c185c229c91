package org.orcapod.execution;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path a packet function takes when no executor is set: it calls the function directly on the
 * caller's thread, with no capture.
 *
 * <p>If a real logger is passed (anything but {@code null} or {@link PacketLogger#noOp()}), nothing
 * will reach it, so the first such call warns that capture will not occur. A packet function owns
 * one {@code DirectCaller}, so the warning appears once per function, not once per packet.
 */
public final class DirectCaller {
  private static final Logger LOG = LoggerFactory.getLogger(DirectCaller.class);

  private final String functionLabel;
  private final Consumer<String> warnings;
  private final AtomicBoolean warned = new AtomicBoolean();

  /**
   * @param functionLabel names the function in the warning
   */
  public DirectCaller(String functionLabel) {
    this(functionLabel, LOG::warn);
  }

  DirectCaller(String functionLabel, Consumer<String> warnings) {
    this.functionLabel = Objects.requireNonNull(functionLabel, "functionLabel");
    this.warnings = warnings;
  }

  /**
   * Calls {@code callable} and returns its result; the logger is not called.
   *
   * @throws Exception exactly what the callable threw
   */
  public <T> T call(Callable<T> callable, @Nullable PacketLogger logger) throws Exception {
    if (logger != null && logger != PacketLogger.noOp() && warned.compareAndSet(false, true)) {
      warnings.accept(
          "A logger was passed to '"
              + functionLabel
              + "' but no executor is set; capture will not occur. Set an executor (for example"
              + " new LocalExecutor(), which Pipeline.compile() assigns by default) to enable"
              + " capture. This warning is shown once per function.");
    }
    return callable.call();
  }
}
