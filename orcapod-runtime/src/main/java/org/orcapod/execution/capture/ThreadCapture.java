package org.orcapod.execution.capture;

import org.jspecify.annotations.Nullable;

/**
 * What capture knows about one thread: the scope its writes and log events go to, and whether it is
 * currently forwarding bytes that must not be captured (again).
 */
final class ThreadCapture {
  private static final ThreadLocal<ThreadCapture> CURRENT =
      ThreadLocal.withInitial(ThreadCapture::new);

  /** The innermost capture scope of this thread, or {@code null} outside any capture. */
  @Nullable CaptureScope scope;

  /**
   * Greater than zero while this thread forwards already-handled bytes to an original stream, or
   * runs a logging backend whose event capture already recorded. Stream routers pass such writes
   * straight through, so nothing is captured twice.
   */
  int bypass;

  static ThreadCapture current() {
    return CURRENT.get();
  }

  /** The scope that should receive a write or a log event now, or {@code null}. */
  @Nullable CaptureScope capturingScope() {
    return bypass == 0 ? scope : null;
  }
}
