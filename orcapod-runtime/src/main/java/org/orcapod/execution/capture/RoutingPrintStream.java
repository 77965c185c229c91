package org.orcapod.execution.capture;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import org.jspecify.annotations.Nullable;

/**
 * Installed once as {@code System.out} or {@code System.err}: a write from a thread inside a
 * capture scope goes to that scope's buffer <em>and</em> to the original stream; any other write
 * goes to the original stream only. Nothing is ever swapped per packet.
 */
final class RoutingPrintStream extends PrintStream {
  private RoutingPrintStream(Router router, Charset charset) {
    super(router, true, charset);
  }

  static RoutingPrintStream wrap(PrintStream original, boolean isStderr, Charset charset) {
    return new RoutingPrintStream(new Router(original, isStderr), charset);
  }

  /** The byte-level router under the print methods, so every print path reaches it. */
  private static final class Router extends OutputStream {
    private final PrintStream original;
    private final boolean isStderr;

    Router(PrintStream original, boolean isStderr) {
      this.original = original;
      this.isStderr = isStderr;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      ThreadCapture thread = ThreadCapture.current();
      @Nullable CaptureScope scope = thread.capturingScope();
      if (scope != null) {
        if (isStderr) {
          scope.writeStderr(bytes, offset, length);
        } else {
          scope.writeStdout(bytes, offset, length);
        }
      }
      // The terminal still shows everything. The bypass stops an older router further down the
      // chain (if System.out was replaced and re-wrapped) from capturing these bytes again.
      thread.bypass++;
      try {
        original.write(bytes, offset, length);
      } finally {
        thread.bypass--;
      }
    }

    @Override
    public void flush() {
      original.flush();
    }
  }
}
