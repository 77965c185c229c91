package org.orcapod.execution.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orcapod.execution.PacketLogger.LOGS;
import static org.orcapod.execution.PacketLogger.STDERR;
import static org.orcapod.execution.PacketLogger.STDOUT;
import static org.orcapod.execution.PacketLogger.SUCCESS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.orcapod.execution.LocalExecutor;
import org.slf4j.Logger;
import org.slf4j.simple.SimpleServiceProvider;

/** Eight packets on eight threads print and log interleaved lines; each record holds its own. */
class CaptureConcurrencyTest {
  private static final int PACKETS = 8;
  private static final int LINES = 300;
  private static final String NL = System.lineSeparator();

  @Test
  void eachPacketsRecordHoldsExactlyItsOwnLines() throws Exception {
    CapturingSlf4jProvider provider = new CapturingSlf4jProvider(new SimpleServiceProvider());
    provider.initialize();
    Logger slf4j = provider.getLoggerFactory().getLogger("orcapod.test.concurrent.slf4j");
    java.util.logging.Logger jul =
        java.util.logging.Logger.getLogger("orcapod.test.concurrent.jul");
    CyclicBarrier start = new CyclicBarrier(PACKETS);
    List<RecordingLogger> loggers = new ArrayList<>();
    Map<Handler, Level> silenced = silenceRootConsoleHandlers();

    try (TerminalSink terminal = new TerminalSink();
        LocalExecutor executor = new LocalExecutor(PACKETS)) {
      List<CompletableFuture<Integer>> futures = new ArrayList<>();
      for (int p = 0; p < PACKETS; p++) {
        int packet = p;
        RecordingLogger logger = new RecordingLogger();
        loggers.add(logger);
        futures.add(
            executor.executeCallableAsync(
                () -> {
                  start.await(30, TimeUnit.SECONDS); // all packets write at the same time
                  for (int line = 0; line < LINES; line++) {
                    System.out.println("p" + packet + " out " + line);
                    System.err.println("p" + packet + " err " + line);
                    jul.log(Level.INFO, "p{0} jul {1}", new Object[] {packet, line});
                    slf4j.info("p{} slf4j {}", packet, line);
                    Thread.yield();
                  }
                  return packet;
                },
                logger));
      }
      for (int p = 0; p < PACKETS; p++) {
        assertThat(futures.get(p).get(60, TimeUnit.SECONDS)).isEqualTo(p);
      }

      for (int p = 0; p < PACKETS; p++) {
        Map<String, @Nullable Object> fields = loggers.get(p).only();
        assertThat(fields.get(STDOUT)).as("stdout of packet %d", p).isEqualTo(expectedOut(p));
        assertThat(fields.get(STDERR)).as("stderr of packet %d", p).isEqualTo(expectedErr(p));
        assertThat(fields.get(LOGS)).as("logs of packet %d", p).isEqualTo(expectedLogs(p));
        assertThat(fields.get(SUCCESS)).isEqualTo(true);
      }

      // The terminal received every line once, and the packets really interleaved there.
      List<String> terminalOut = Arrays.asList(terminal.out().split(NL));
      List<String> allOut = new ArrayList<>();
      for (int p = 0; p < PACKETS; p++) {
        allOut.addAll(Arrays.asList(expectedOut(p).split(NL)));
      }
      assertThat(terminalOut).containsExactlyInAnyOrderElementsOf(allOut);
      assertThat(packetSwitches(terminalOut)).isGreaterThan(PACKETS);
      String terminalErr = terminal.err();
      for (int p = 0; p < PACKETS; p++) {
        for (String line : expectedErr(p).split(NL)) {
          assertThat(terminalErr).contains(line + NL);
        }
        assertThat(terminalErr).contains("INFO orcapod.test.concurrent.slf4j - p" + p + " slf4j 0");
      }
    } finally {
      silenced.forEach(Handler::setLevel);
    }
  }

  private static String expectedOut(int packet) {
    StringBuilder text = new StringBuilder();
    for (int line = 0; line < LINES; line++) {
      text.append("p").append(packet).append(" out ").append(line).append(NL);
    }
    return text.toString();
  }

  private static String expectedErr(int packet) {
    StringBuilder text = new StringBuilder();
    for (int line = 0; line < LINES; line++) {
      text.append("p").append(packet).append(" err ").append(line).append(NL);
    }
    return text.toString();
  }

  private static String expectedLogs(int packet) {
    List<String> lines = new ArrayList<>();
    for (int line = 0; line < LINES; line++) {
      lines.add("INFO:orcapod.test.concurrent.jul:p" + packet + " jul " + line);
      lines.add("INFO:orcapod.test.concurrent.slf4j:p" + packet + " slf4j " + line);
    }
    return String.join("\n", lines);
  }

  private static int packetSwitches(List<String> lines) {
    int switches = 0;
    for (int i = 1; i < lines.size(); i++) {
      if (!lines.get(i).split(" ")[0].equals(lines.get(i - 1).split(" ")[0])) {
        switches++;
      }
    }
    return switches;
  }

  /** Keeps the JUL console handler from printing thousands of test lines; restored afterwards. */
  private static Map<Handler, Level> silenceRootConsoleHandlers() {
    Capture.install();
    Map<Handler, Level> levels = new HashMap<>();
    for (Handler handler : java.util.logging.Logger.getLogger("").getHandlers()) {
      if (!(handler instanceof RoutingJulHandler)) {
        levels.put(handler, handler.getLevel());
        handler.setLevel(Level.OFF);
      }
    }
    return levels;
  }
}
