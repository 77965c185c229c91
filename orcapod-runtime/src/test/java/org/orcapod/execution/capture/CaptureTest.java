package org.orcapod.execution.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orcapod.execution.PacketLogger.LOGS;
import static org.orcapod.execution.PacketLogger.STDERR;
import static org.orcapod.execution.PacketLogger.STDOUT;
import static org.orcapod.execution.PacketLogger.SUCCESS;
import static org.orcapod.execution.PacketLogger.TRACEBACK;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orcapod.execution.PacketLogger;

class CaptureTest {
  private static final String NL = System.lineSeparator();

  private TerminalSink terminal;

  @BeforeEach
  void replaceTerminal() {
    terminal = new TerminalSink();
  }

  @AfterEach
  void restoreTerminal() {
    terminal.close();
  }

  @Test
  void recordsStdoutStderrAndSuccessAndReturnsTheResult() throws Exception {
    RecordingLogger logger = new RecordingLogger();

    Integer result =
        Capture.call(
            () -> {
              System.out.println("to out");
              System.out.printf("%d-%s", 7, "x");
              System.err.print("to err");
              System.out.write(new byte[] {'!', '\n'});
              return 42;
            },
            logger);

    assertThat(result).isEqualTo(42);
    Map<String, @Nullable Object> expected = new LinkedHashMap<>();
    expected.put(STDOUT, "to out" + NL + "7-x!\n");
    expected.put(STDERR, "to err");
    expected.put(LOGS, "");
    expected.put(TRACEBACK, null);
    expected.put(SUCCESS, true);
    assertThat(logger.only()).containsExactlyEntriesOf(expected);
  }

  @Test
  void theTerminalStillReceivesCapturedOutput() throws Exception {
    Capture.call(
        () -> {
          System.out.println("seen on the terminal");
          System.err.println("error on the terminal");
          return null;
        },
        new RecordingLogger());

    assertThat(terminal.out()).isEqualTo("seen on the terminal" + NL);
    assertThat(terminal.err()).isEqualTo("error on the terminal" + NL);
  }

  @Test
  void outputOutsideTheScopeIsNotCaptured() throws Exception {
    Capture.install();
    System.out.println("before");
    RecordingLogger logger = new RecordingLogger();

    Capture.call(() -> System.out.printf("inside"), logger);
    System.out.println("after");

    assertThat(logger.only().get(STDOUT)).isEqualTo("inside");
    assertThat(terminal.out()).isEqualTo("before" + NL + "inside" + "after" + NL);
  }

  @Test
  void recordsJavaUtilLoggingAsLogLines() throws Exception {
    java.util.logging.Logger jul = java.util.logging.Logger.getLogger("orcapod.test.capture.jul");
    RecordingLogger logger = new RecordingLogger();

    Capture.call(
        () -> {
          jul.info("first");
          jul.log(Level.WARNING, "second {0} and {1}", new Object[] {1, "two"});
          jul.fine("below the configured level, so not published");
          return null;
        },
        logger);

    assertThat(logger.only().get(LOGS))
        .isEqualTo(
            "INFO:orcapod.test.capture.jul:first"
                + "\nWARNING:orcapod.test.capture.jul:second 1 and two");
  }

  @Test
  void julRecordsWithAThrowableCarryItsStackTrace() throws Exception {
    java.util.logging.Logger jul = java.util.logging.Logger.getLogger("orcapod.test.capture.jul");
    RecordingLogger logger = new RecordingLogger();

    Capture.call(
        () -> {
          jul.log(Level.SEVERE, "failed", new IllegalStateException("why"));
          return null;
        },
        logger);

    String logs = (String) logger.only().get(LOGS);
    assertThat(logs)
        .startsWith(
            "SEVERE:orcapod.test.capture.jul:failed\njava.lang.IllegalStateException: why\n")
        .contains("\tat org.orcapod.execution.capture.CaptureTest")
        .doesNotEndWith("\n");
  }

  @Test
  void slf4jThroughItsConsoleBackendLandsInStderrWithoutTheProvider() throws Exception {
    // The test class path's backend is slf4j-simple, which prints to System.err when logging.
    org.slf4j.Logger plain = org.slf4j.LoggerFactory.getLogger("orcapod.test.capture.plain");
    RecordingLogger logger = new RecordingLogger();

    Capture.call(
        () -> {
          plain.info("hello {}", "slf4j");
          return null;
        },
        logger);

    assertThat((String) logger.only().get(STDERR))
        .contains("INFO orcapod.test.capture.plain - hello slf4j");
    assertThat(logger.only().get(LOGS)).isEqualTo("");
  }

  @Test
  void failureRecordsTheTracebackAndRethrowsTheSameCheckedException() {
    IOException failure = new IOException("disk on fire");
    RecordingLogger logger = new RecordingLogger();

    assertThatThrownBy(
            () ->
                Capture.call(
                    () -> {
                      System.out.println("partial work");
                      throw failure;
                    },
                    logger))
        .isSameAs(failure);

    Map<String, @Nullable Object> fields = logger.only();
    assertThat(fields.get(SUCCESS)).isEqualTo(false);
    assertThat(fields.get(STDOUT)).isEqualTo("partial work" + NL);
    assertThat((String) fields.get(TRACEBACK))
        .startsWith("java.io.IOException: disk on fire" + NL)
        .contains("at org.orcapod.execution.capture.CaptureTest");
    assertThat(failure.getSuppressed()).isEmpty();
    assertThat(failure.getCause()).isNull();
  }

  @Test
  void errorsAreRethrownUnchangedToo() {
    AssertionError failure = new AssertionError("broken invariant");
    RecordingLogger logger = new RecordingLogger();

    assertThatThrownBy(
            () ->
                Capture.call(
                    () -> {
                      throw failure;
                    },
                    logger))
        .isSameAs(failure);
    assertThat((String) logger.only().get(TRACEBACK))
        .startsWith("java.lang.AssertionError: broken invariant");
  }

  @Test
  void tracebackIncludesTheCause() {
    RuntimeException failure =
        new RuntimeException("outer", new IllegalArgumentException("inner reason"));
    RecordingLogger logger = new RecordingLogger();

    assertThatThrownBy(
            () ->
                Capture.call(
                    () -> {
                      throw failure;
                    },
                    logger))
        .isSameAs(failure);
    assertThat((String) logger.only().get(TRACEBACK))
        .contains("Caused by: java.lang.IllegalArgumentException: inner reason");
  }

  @Test
  void aLoggerThatThrowsDoesNotChangeTheOutcome() throws Exception {
    PacketLogger broken =
        fields -> {
          throw new IllegalStateException("log sink down");
        };
    IOException failure = new IOException("user failure");

    assertThat(Capture.call(() -> "fine", broken)).isEqualTo("fine");
    assertThatThrownBy(
            () ->
                Capture.call(
                    () -> {
                      throw failure;
                    },
                    broken))
        .isSameAs(failure);
    assertThat(failure.getSuppressed()).isEmpty();
  }

  @Test
  void nestedCapturesKeepTheirOwnOutput() throws Exception {
    RecordingLogger outer = new RecordingLogger();
    RecordingLogger inner = new RecordingLogger();

    Capture.call(
        () -> {
          System.out.print("outer-before ");
          Capture.call(() -> System.out.printf("inner"), inner);
          System.out.print(" outer-after");
          return null;
        },
        outer);

    assertThat(inner.only().get(STDOUT)).isEqualTo("inner");
    assertThat(outer.only().get(STDOUT)).isEqualTo("outer-before  outer-after");
    assertThat(terminal.out()).isEqualTo("outer-before inner outer-after");
  }

  @Test
  void aReplacedStreamThatForwardsToTheOldRouterIsCapturedOnce() throws Exception {
    Capture.install();
    PrintStream router = System.out;
    StringBuilder seenByReplacement = new StringBuilder();
    // A stream installed by someone else that forwards to the stream it found (our router).
    System.setOut(
        new PrintStream(
            new OutputStream() {
              @Override
              public void write(int b) {
                seenByReplacement.append((char) b);
                router.write(b);
              }
            },
            true,
            Charset.defaultCharset()));
    RecordingLogger logger = new RecordingLogger();

    Capture.call(() -> System.out.printf("once"), logger);

    assertThat(logger.only().get(STDOUT)).isEqualTo("once");
    assertThat(seenByReplacement).hasToString("once");
    assertThat(terminal.out()).isEqualTo("once");
  }
}
