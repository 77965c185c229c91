package org.orcapod.execution.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class OutputCaptureTest {

  @Test
  void capturesStdoutStderrAndJulLogsOfTheCall() {
    OutputCapture.Result<Integer> result =
        OutputCapture.call(
            () -> {
              System.out.println("to stdout");
              System.err.print("to stderr");
              Logger.getLogger("orcapod.test").warning("careful");
              return 42;
            });
    assertThat(result.value()).isEqualTo(42);
    assertThat(result.failure()).isNull();
    CapturedOutput output = result.output();
    assertThat(output.stdout()).isEqualTo("to stdout" + System.lineSeparator());
    assertThat(output.stderr()).isEqualTo("to stderr");
    assertThat(output.logs()).contains("WARNING").contains("careful");
    assertThat(output.traceback()).isNull();
    assertThat(output.success()).isTrue();
    assertThat(output.asLogFields())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("stdout", output.stdout()),
            org.assertj.core.api.Assertions.entry("stderr", output.stderr()),
            org.assertj.core.api.Assertions.entry("logs", output.logs()),
            org.assertj.core.api.Assertions.entry("traceback", null),
            org.assertj.core.api.Assertions.entry("success", true));
  }

  @Test
  void aFailureIsReturnedWithItsTracebackAndTheOutputBeforeIt() {
    IllegalStateException boom = new IllegalStateException("boom at row 3");
    OutputCapture.Result<Object> result =
        OutputCapture.call(
            () -> {
              System.out.print("before");
              throw boom;
            });
    assertThat(result.failure()).isSameAs(boom);
    assertThat(result.value()).isNull();
    assertThat(result.output().stdout()).isEqualTo("before");
    assertThat(result.output().success()).isFalse();
    assertThat(result.output().traceback())
        .startsWith("java.lang.IllegalStateException: boom at row 3")
        .contains("OutputCaptureTest");
  }

  @Test
  void concurrentCallsKeepTheirOwnOutputAndOtherThreadsAreNotCaptured() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch bothStarted = new CountDownLatch(2);
      Future<OutputCapture.Result<Void>> a = pool.submit(() -> printer("a", bothStarted));
      Future<OutputCapture.Result<Void>> b = pool.submit(() -> printer("b", bothStarted));
      assertThat(a.get(30, TimeUnit.SECONDS).output().stdout()).isEqualTo("a".repeat(200));
      assertThat(b.get(30, TimeUnit.SECONDS).output().stdout()).isEqualTo("b".repeat(200));
    } finally {
      pool.shutdownNow();
    }
    OutputCapture.Result<Void> quiet = OutputCapture.call(() -> null);
    System.out.print("outside any call");
    assertThat(quiet.output().stdout()).isEmpty();
  }

  private static OutputCapture.Result<Void> printer(String letter, CountDownLatch bothStarted) {
    return OutputCapture.call(
        () -> {
          bothStarted.countDown();
          bothStarted.await(10, TimeUnit.SECONDS);
          for (int i = 0; i < 200; i++) {
            System.out.print(letter);
            Thread.yield();
          }
          return null;
        });
  }

  @Test
  void aNestedCallKeepsItsOutputFromTheOuterOne() {
    OutputCapture.Result<OutputCapture.Result<Integer>> outer =
        OutputCapture.call(
            () -> {
              System.out.print("outer ");
              return OutputCapture.call(
                  () -> {
                    System.out.print("inner");
                    return 1;
                  });
            });
    assertThat(outer.value().output().stdout()).isEqualTo("inner");
    assertThat(outer.output().stdout()).isEqualTo("outer ");
    assertThatThrownBy(() -> new CapturedTaskException(new RuntimeException("x"), null))
        .isInstanceOf(NullPointerException.class);
  }
}
