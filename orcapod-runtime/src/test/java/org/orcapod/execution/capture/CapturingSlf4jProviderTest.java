package org.orcapod.execution.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orcapod.execution.PacketLogger.LOGS;
import static org.orcapod.execution.PacketLogger.STDERR;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.simple.SimpleServiceProvider;

class CapturingSlf4jProviderTest {

  private static Logger loggerThroughProvider(String name) {
    CapturingSlf4jProvider provider = new CapturingSlf4jProvider(new SimpleServiceProvider());
    provider.initialize();
    return provider.getLoggerFactory().getLogger(name);
  }

  @Test
  void enabledEventsBecomeLogLinesAndStillReachTheBackendButNotStderr() throws Exception {
    Logger log = loggerThroughProvider("orcapod.test.slf4j");
    RecordingLogger logger = new RecordingLogger();

    try (TerminalSink terminal = new TerminalSink()) {
      Capture.call(
          () -> {
            log.info("a {} b {}", 1, "two");
            log.atWarn().addKeyValue("k", "v").log("fluent {}", 3);
            log.debug("disabled in slf4j-simple's default configuration");
            log.error("failed", new IllegalStateException("why"));
            return null;
          },
          logger);

      String logs = (String) logger.only().get(LOGS);
      assertThat(logs)
          .startsWith(
              "INFO:orcapod.test.slf4j:a 1 b two\n"
                  + "WARN:orcapod.test.slf4j:k=v fluent 3\n"
                  + "ERROR:orcapod.test.slf4j:failed\n"
                  + "java.lang.IllegalStateException: why\n")
          .contains("\tat org.orcapod.execution.capture.CapturingSlf4jProviderTest")
          .doesNotContain("disabled");
      // The backend printed the events to System.err; they reach the terminal but the packet's
      // stderr holds them only once, as log lines.
      assertThat(logger.only().get(STDERR)).isEqualTo("");
      assertThat(terminal.err())
          .contains("INFO orcapod.test.slf4j - a 1 b two")
          .contains("WARN orcapod.test.slf4j - k=v fluent 3")
          .contains("ERROR orcapod.test.slf4j - failed")
          .contains("java.lang.IllegalStateException: why");
    }
  }

  @Test
  void outsideACaptureEventsOnlyReachTheBackend() throws Exception {
    Logger log = loggerThroughProvider("orcapod.test.slf4j.outside");
    try (TerminalSink terminal = new TerminalSink()) {
      Capture.install();
      log.info("not in a packet");
      assertThat(terminal.err()).contains("INFO orcapod.test.slf4j.outside - not in a packet");
    }
  }

  @Test
  void findsTheBackendOnTheClassPathWhenNoneIsGiven() {
    CapturingSlf4jProvider provider = new CapturingSlf4jProvider();
    provider.initialize();

    Logger logger = provider.getLoggerFactory().getLogger("orcapod.test.found");

    assertThat(logger).isInstanceOf(CapturingLogger.class);
    assertThat(((CapturingLogger) logger).delegate().getClass().getName())
        .isEqualTo("org.slf4j.simple.SimpleLogger");
    assertThat(provider.getLoggerFactory().getLogger("orcapod.test.found")).isSameAs(logger);
    assertThat(provider.getRequestedApiVersion()).startsWith("2.0");
  }

  @Test
  void aDelegatePropertyNamingNoProviderFailsWithTheName() {
    String previous = System.getProperty(CapturingSlf4jProvider.DELEGATE_PROPERTY);
    System.setProperty(CapturingSlf4jProvider.DELEGATE_PROPERTY, "com.example.NoSuchProvider");
    try {
      assertThatThrownBy(() -> new CapturingSlf4jProvider().initialize())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("[Orcapod/Slf4jDelegate]")
          .hasMessageContaining("com.example.NoSuchProvider");
    } finally {
      if (previous == null) {
        System.clearProperty(CapturingSlf4jProvider.DELEGATE_PROPERTY);
      } else {
        System.setProperty(CapturingSlf4jProvider.DELEGATE_PROPERTY, previous);
      }
    }
  }

  @Test
  void usingItAsTheSlf4jProviderCapturesLoggerFactoryLoggers() throws Exception {
    // SLF4J binds its provider once per JVM, so the opt-in is exercised in a fresh JVM.
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "-Dslf4j.provider=" + CapturingSlf4jProvider.class.getName(),
                    Slf4jProviderMain.class.getName()))
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), Charset.defaultCharset());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();

    assertThat(process.exitValue()).as("child exit code; output: %s", out).isZero();
    assertThat(out).contains("LOGS=[INFO:orcapod.child:from the child 42]");
    assertThat(out).contains("STDERR=[]");
  }
}
