package org.orcapod.execution.capture;

import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.orcapod.execution.PacketLogger;
import org.slf4j.LoggerFactory;

/**
 * Runs a function while capturing its output, records the capture, and returns the function's
 * result or re-throws its exception unchanged.
 *
 * <p>Captured: bytes written to {@code System.out} and {@code System.err}, records published to the
 * java.util.logging root logger, SLF4J events when {@link CapturingSlf4jProvider} is the SLF4J
 * provider (otherwise whatever the SLF4J backend prints to the standard streams lands in stdout or
 * stderr), and the stack trace of a failure. The recorded fields are those named in {@link
 * PacketLogger}: {@code stdout}, {@code stderr}, {@code logs}, {@code traceback}, {@code success}.
 *
 * <p>Routing is per thread: {@link #install()} puts a router in front of the standard streams and a
 * handler on the java.util.logging root logger once, and each capture only marks its own thread.
 * Concurrent packets therefore never mix, and the original streams still receive all output.
 * Threads the function starts itself are not captured.
 */
public final class Capture {
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(Capture.class);
  private static final Object INSTALL_LOCK = new Object();
  private static final RoutingJulHandler JUL_HANDLER = new RoutingJulHandler();
  // Held so the per-packet check needs no LogManager lookup (that lookup is synchronized).
  private static final Logger JUL_ROOT = Logger.getLogger("");
  private static final Charset STDOUT_CHARSET =
      charsetProperty("stdout.encoding", "sun.stdout.encoding");
  private static final Charset STDERR_CHARSET =
      charsetProperty("stderr.encoding", "sun.stderr.encoding");

  private Capture() {}

  /**
   * Runs {@code callable} inside a capture scope on the current thread and calls {@code
   * logger.record(...)} once with what was captured, on success and on failure. A logger that
   * throws is logged and ignored. Nested captures on one thread go to the innermost scope only.
   *
   * @return what the callable returned
   * @throws Exception exactly what the callable threw (the same instance; errors too)
   */
  public static <T> T call(Callable<T> callable, PacketLogger logger) throws Exception {
    install();
    ThreadCapture thread = ThreadCapture.current();
    @Nullable CaptureScope outer = thread.scope;
    int outerBypass = thread.bypass;
    CaptureScope scope = new CaptureScope();
    thread.scope = scope;
    thread.bypass = 0;
    T result;
    try {
      result = callable.call();
    } catch (Throwable failure) {
      restore(thread, outer, outerBypass);
      record(logger, fields(scope, false, LogLines.stackTrace(failure)));
      throw rethrow(failure);
    }
    restore(thread, outer, outerBypass);
    record(logger, fields(scope, true, null));
    return result;
  }

  /**
   * Installs the stream routers and the java.util.logging handler if they are not in place. {@link
   * #call} does this itself; call it early to route output written before the first capture too.
   * Idempotent and cheap. If something replaced {@code System.out} or {@code System.err} since, the
   * new stream is wrapped in turn (output is still captured once).
   */
  public static void install() {
    if (System.out instanceof RoutingPrintStream
        && System.err instanceof RoutingPrintStream
        && julInstalled()) {
      return;
    }
    synchronized (INSTALL_LOCK) {
      // The JUL root handlers are created on first access; touching them before the streams are
      // replaced binds a default ConsoleHandler to the original System.err, so JUL records are
      // captured once (as log lines), not twice.
      if (!julInstalled()) {
        JUL_ROOT.addHandler(JUL_HANDLER);
      }
      if (!(System.out instanceof RoutingPrintStream)) {
        System.setOut(RoutingPrintStream.wrap(System.out, false, STDOUT_CHARSET));
      }
      if (!(System.err instanceof RoutingPrintStream)) {
        System.setErr(RoutingPrintStream.wrap(System.err, true, STDERR_CHARSET));
      }
    }
  }

  private static boolean julInstalled() {
    for (Handler handler : JUL_ROOT.getHandlers()) {
      if (handler == JUL_HANDLER) {
        return true;
      }
    }
    return false;
  }

  private static void restore(ThreadCapture thread, @Nullable CaptureScope outer, int bypass) {
    thread.scope = outer;
    thread.bypass = bypass;
  }

  private static Map<String, @Nullable Object> fields(
      CaptureScope scope, boolean success, @Nullable String traceback) {
    return scope.fields(STDOUT_CHARSET, STDERR_CHARSET, success, traceback);
  }

  private static void record(PacketLogger logger, Map<String, @Nullable Object> fields) {
    try {
      logger.record(fields);
    } catch (RuntimeException e) {
      LOG.warn(
          "PacketLogger {} failed to record a packet's capture; the packet's outcome is"
              + " unchanged",
          logger,
          e);
    }
  }

  /** The encoding the JDK picks for a standard stream (the first property is Java 19+). */
  private static Charset charsetProperty(String... names) {
    for (String name : names) {
      String value = System.getProperty(name);
      if (value != null && Charset.isSupported(value)) {
        return Charset.forName(value);
      }
    }
    return Charset.defaultCharset();
  }

  /** Throws {@code failure} itself: checked or not, unwrapped. */
  private static Exception rethrow(Throwable failure) throws Exception {
    if (failure instanceof Exception) {
      throw (Exception) failure;
    }
    if (failure instanceof Error) {
      throw (Error) failure;
    }
    throw Capture.<RuntimeException>sneakyThrow(failure);
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneakyThrow(Throwable failure) throws E {
    throw (E) failure;
  }
}
