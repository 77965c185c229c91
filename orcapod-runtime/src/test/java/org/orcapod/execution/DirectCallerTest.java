package org.orcapod.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectCallerTest {

  @Test
  void warnsOnceThatCaptureWillNotOccurWhenALoggerIsPassed() throws Exception {
    List<String> warnings = new ArrayList<>();
    DirectCaller caller = new DirectCaller("square", warnings::add);
    List<Object> recorded = new ArrayList<>();
    PacketLogger logger = recorded::add;

    assertThat(caller.call(() -> 4, logger)).isEqualTo(4);
    assertThat(caller.call(() -> 9, logger)).isEqualTo(9);

    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("'square'")
        .contains("no executor is set; capture will not occur");
    assertThat(recorded).isEmpty();
  }

  @Test
  void noWarningWithoutALogger() throws Exception {
    List<String> warnings = new ArrayList<>();
    DirectCaller caller = new DirectCaller("square", warnings::add);

    caller.call(() -> 1, null);
    caller.call(() -> 1, PacketLogger.noOp());

    assertThat(warnings).isEmpty();
  }

  @Test
  void rethrowsTheFunctionsExceptionUnchanged() {
    IOException failure = new IOException("nope");
    DirectCaller caller = new DirectCaller("f");

    assertThatThrownBy(
            () ->
                caller.call(
                    () -> {
                      throw failure;
                    },
                    PacketLogger.noOp()))
        .isSameAs(failure);
  }
}
