package org.orcapod.execution.ray;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.jspecify.annotations.Nullable;

/**
 * Captures, per thread, what a function writes to {@code System.out}, {@code System.err} and {@code
 * java.util.logging} while it runs, using plain JDK streams so it works in a Ray worker JVM whose
 * logging setup we do not control.
 *
 * <p>On first use it installs, once per JVM, routing streams as {@code System.out}/{@code
 * System.err} and a handler on the root JUL logger: a thread inside {@link #call} writes to its own
 * buffers, every other thread to the original streams, so concurrent tasks in one worker do not mix
 * their output. Threads that the function starts itself are not captured.
 */
public final class OutputCapture {

  private static final ThreadLocal<@Nullable Buffers> CURRENT = new ThreadLocal<>();
  private static final Object INSTALL_LOCK = new Object();
  private static volatile boolean installed;

  private OutputCapture() {}

  /** The outcome of one captured call: the value or the failure, and the captured output. */
  public record Result<T>(@Nullable T value, @Nullable Throwable failure, CapturedOutput output) {}

  /**
   * Runs {@code callable} on this thread with its output captured. Never throws what the callable
   * throws: the failure is in the result, with its stack trace as the traceback.
   *
   * @throws IllegalStateException if called re-entrantly from a captured call on the same thread
   */
  public static <T> Result<T> call(Callable<T> callable) {
    install();
    if (CURRENT.get() != null) {
      throw new IllegalStateException("OutputCapture.call is not re-entrant on one thread");
    }
    Buffers buffers = new Buffers();
    CURRENT.set(buffers);
    T value = null;
    Throwable failure = null;
    try {
      value = callable.call();
    } catch (Throwable t) { // the user's failure of any kind is a result here, never lost
      failure = t;
    } finally {
      CURRENT.remove();
    }
    System.out.flush();
    System.err.flush();
    String traceback = failure == null ? null : stackTrace(failure);
    CapturedOutput output =
        new CapturedOutput(
            buffers.stdout.toString(charset()),
            buffers.stderr.toString(charset()),
            buffers.logs.toString(),
            traceback,
            failure == null);
    return new Result<>(value, failure, output);
  }

  /** The stack trace as {@link Throwable#printStackTrace()} prints it. */
  public static String stackTrace(Throwable t) {
    StringWriter text = new StringWriter();
    try (PrintWriter writer = new PrintWriter(text)) {
      t.printStackTrace(writer);
    }
    return text.toString();
  }

  // The routing streams encode with the JVM's default charset, like System.out does when no
  // stdout.encoding is set; the buffers decode with the same one.
  private static Charset charset() {
    return Charset.defaultCharset();
  }

  private static void install() {
    if (installed) {
      return;
    }
    synchronized (INSTALL_LOCK) {
      if (installed) {
        return;
      }
      PrintStream out = System.out;
      PrintStream err = System.err;
      System.setOut(new PrintStream(new Router(out, false), true, charset()));
      System.setErr(new PrintStream(new Router(err, true), true, charset()));
      java.util.logging.Logger.getLogger("").addHandler(new LogRouter());
      installed = true;
    }
  }

  private static final class Buffers {
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    final StringBuilder logs = new StringBuilder();
  }

  /** Sends bytes to the capturing thread's buffer, or to the original stream. */
  private static final class Router extends OutputStream {
    private final PrintStream original;
    private final boolean isErr;

    Router(PrintStream original, boolean isErr) {
      this.original = original;
      this.isErr = isErr;
    }

    private OutputStream target() {
      Buffers buffers = CURRENT.get();
      if (buffers == null) {
        return original;
      }
      return isErr ? buffers.stderr : buffers.stdout;
    }

    @Override
    public void write(int b) throws IOException {
      target().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      target().write(b, off, len);
    }

    @Override
    public void flush() {
      original.flush();
    }
  }

  /** Appends JUL records of a capturing thread to its log buffer. */
  private static final class LogRouter extends Handler {
    private final Formatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      Buffers buffers = CURRENT.get();
      if (buffers != null && isLoggable(record)) {
        buffers.logs.append(formatter.format(record));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
