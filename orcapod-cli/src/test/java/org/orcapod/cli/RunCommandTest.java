package org.orcapod.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code orcapod run}: summaries, caching across runs, options, exit codes and error lines. */
class RunCommandTest {
  static final String SQUARES = SquaresPipeline.class.getName();

  @TempDir Path dir;

  String db() {
    return dir.resolve("db").toString();
  }

  /** The cells of the summary or table line that starts with {@code first}. */
  static List<String> row(String out, String first) {
    for (String line : out.split("\n")) {
      List<String> cells = List.of(line.trim().split("\\s+"));
      if (cells.get(0).equals(first)) {
        return cells;
      }
    }
    throw new AssertionError("no line starting with " + first + " in:\n" + out);
  }

  @Test
  void firstRunComputesEveryPacketAndTheSecondServesAllFromTheCache() {
    Cli.Result first = Cli.run("run", SQUARES, "--database", db());

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.err()).isEmpty();
    assertThat(first.out()).contains("pipeline squares (" + SQUARES + ")");
    assertThat(row(first.out(), "node"))
        .containsExactly("node", "kind", "rows", "computed", "cached", "failed");
    assertThat(row(first.out(), "DictSource"))
        .containsExactly("DictSource", "source", "5", "-", "-", "-");
    assertThat(row(first.out(), "Filter"))
        .containsExactly("Filter", "operator", "4", "-", "-", "-");
    assertThat(row(first.out(), "square"))
        .containsExactly("square", "function", "4", "4", "0", "0");
    assertThat(row(first.out(), "plus_one"))
        .containsExactly("plus_one", "function", "4", "4", "0", "0");
    assertThat(first.out()).contains("computed 8 packets, 0 came from the cache");
    // Not a terminal here: plain progress lines, one per finished node.
    assertThat(first.out()).contains("square: 4 computed, 0 cached\n", "Filter: done\n");
    assertThat(first.out()).doesNotContain("\r");
    assertThat(Files.isRegularFile(dir.resolve("db").resolve("orcapod.sqlite"))).isTrue();

    Cli.Result second = Cli.run("run", SQUARES, "--database", db());

    assertThat(second.code()).as(second.err()).isZero();
    assertThat(row(second.out(), "square"))
        .containsExactly("square", "function", "4", "0", "4", "0");
    assertThat(row(second.out(), "plus_one"))
        .containsExactly("plus_one", "function", "4", "0", "4", "0");
    assertThat(second.out()).contains("everything came from the cache (8 packets)");
  }

  @Test
  void aDefinitionThatDoesNotOwnItsSourceIsWarnedAbout() {
    String name = UnownedSourcePipeline.class.getName();
    Cli.Result r = Cli.run("run", name, "--database", db());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith("warning: " + name + " left ")
        .contains("Pipeline.own(...)");
  }

  @Test
  void aNewRowIsTheOnlyPacketComputedOnTheNextRun() {
    assertThat(Cli.run("run", SQUARES, "--database", db()).code()).isZero();

    Cli.Result more = Cli.run("run", SQUARES, "--database", db(), "-P", "n=5");

    assertThat(more.code()).as(more.err()).isZero();
    assertThat(row(more.out(), "square")).containsExactly("square", "function", "5", "1", "4", "0");
    assertThat(more.out()).contains("computed 2 packets, 8 came from the cache");
  }

  @Test
  void aFailingPacketExitsOneNamesThePacketAndTheOthersAreStored() {
    Cli.Result r = Cli.run("run", SQUARES, "--database", db(), "-P", "fail=3");

    assertThat(r.code()).isEqualTo(ExitCodes.PIPELINE_FAILED);
    assertThat(r.err().lines().toList())
        .containsExactly("error: square failed for {id=3}: cannot square 3");
    assertThat(row(r.out(), "square")).containsExactly("square", "function", "3", "3", "0", "1");
    assertThat(row(r.out(), "plus_one"))
        .containsExactly("plus_one", "function", "3", "3", "0", "0");

    // The fixed function computes only the packet that failed.
    Cli.Result again = Cli.run("run", SQUARES, "--database", db());
    assertThat(again.code()).isZero();
    assertThat(row(again.out(), "square"))
        .containsExactly("square", "function", "4", "1", "3", "0");
  }

  @Test
  void theAsyncOrchestratorWritesTheSameStatusAndLogRows() {
    Cli.Result r =
        Cli.run(
            "run",
            SQUARES,
            "--database",
            db(),
            "-P",
            "fail=3",
            "--orchestrator",
            "async",
            "--threads",
            "2");

    assertThat(r.code()).isEqualTo(ExitCodes.PIPELINE_FAILED);
    assertThat(r.err().lines().toList())
        .containsExactly("error: square failed for {id=3}: cannot square 3");
    assertThat(row(r.out(), "square")).containsExactly("square", "function", "3", "3", "0", "1");

    Cli.Result failed = Cli.run("status", "--pipeline", "squares", "--database", db(), "--failed");
    assertThat(failed.out()).contains("1 status rows", "FAILED  id=3");
    Cli.Result logs = Cli.run("logs", "--pipeline", "squares", "--database", db());
    assertThat(logs.out()).contains("7 log rows");
    Cli.Result cache = Cli.run("cache", "--pipeline", "squares", "--database", db());
    assertThat(row(cache.out(), "square")).containsExactly("square", "3", "3", "0", "1");
    assertThat(row(cache.out(), "plus_one")).containsExactly("plus_one", "3", "3", "0", "0");
  }

  @Test
  void failFastStopsTheRunAtTheFirstFailureAndSkipsDownstreamNodes() {
    Cli.Result r =
        Cli.run("run", SQUARES, "--database", db(), "-P", "fail=2", "--error-policy", "fail-fast");

    assertThat(r.code()).isEqualTo(ExitCodes.PIPELINE_FAILED);
    assertThat(r.err()).contains("error: square failed for {id=2}: cannot square 2");
    assertThat(r.err()).contains("error: node square failed: cannot square 2");
    assertThat(row(r.out(), "plus_one"))
        .containsExactly("plus_one", "function", "-", "0", "0", "0");
    assertThat(r.out()).contains("skipped: plus_one");
  }

  @Test
  void asyncOrchestratorWithThreadsComputesTheSameAsSync() {
    Cli.Result r =
        Cli.run(
            "run",
            SQUARES,
            "--database",
            db(),
            "--orchestrator",
            "async",
            "--threads",
            "3",
            "-P",
            "n=6");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(row(r.out(), "square")).containsExactly("square", "function", "6", "6", "0", "0");
    assertThat(row(r.out(), "plus_one"))
        .containsExactly("plus_one", "function", "6", "6", "0", "0");
  }

  @Test
  void progressBarIsRedrawnInPlace() {
    Cli.Result r = Cli.run("run", SQUARES, "--database", db(), "--progress", "bar");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\r[------------------------] 0/3 nodes  Filter");
    assertThat(r.out())
        .contains("\r[########################] 3/3 nodes  plus_one: 4 computed, 0 cached");
    assertThat(r.out()).doesNotContain("square: 4 computed, 0 cached\n");
  }

  @Test
  void usageErrorsExitTwoWithTheUsageText() {
    for (String[] args :
        new String[][] {
          {},
          {"run"},
          {"run", SQUARES, "--bogus"},
          {"run", SQUARES, "--error-policy", "sometimes"},
          {"run", SQUARES, "--threads", "0"},
          {"run", SQUARES, "--executor", "ray"},
          {"run", SQUARES, "--orchestrator", "parallel"},
          {"run", SQUARES, "--progress", "fancy"},
          {"frobnicate"},
        }) {
      Cli.Result r = Cli.run(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).as(String.join(" ", args)).contains("Usage: orcapod");
      assertThat(r.out()).isEmpty();
    }
    assertThat(Cli.run("run", SQUARES, "--threads", "0").err())
        .startsWith("--threads must be at least 1 (was 0)");
    assertThat(Cli.run("run", SQUARES, "--executor", "ray").err())
        .startsWith("--executor ray needs --ray-address");
  }

  @Test
  void helpAndVersionExitZero() {
    Cli.Result help = Cli.run("run", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("Usage: orcapod run", "--error-policy", "--class-path");
    Cli.Result version = Cli.run("--version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("orcapod ");
  }

  static void assertOneLine(Cli.Result r, int code, String contains) {
    assertThat(r.code()).as(r.err()).isEqualTo(code);
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err()).startsWith("error: ").contains(contains).doesNotContain("\tat ");
  }

  @Test
  void anUnknownClassIsOneClearLine() {
    assertOneLine(
        Cli.run("run", "com.example.NoSuchPipeline", "--database", db()),
        ExitCodes.DEFINITION,
        "unknown pipeline class 'com.example.NoSuchPipeline'");
    assertThat(dir.resolve("db")).doesNotExist();
  }

  @Test
  void aClassThatIsNotADefinitionIsOneClearLine() {
    assertOneLine(
        Cli.run("run", NotADefinition.class.getName(), "--database", db()),
        ExitCodes.DEFINITION,
        "is not a pipeline definition; implement org.orcapod.pipeline.PipelineDefinition");
  }

  @Test
  void aMissingParameterIsAUsageErrorNamingIt() {
    assertOneLine(
        Cli.run("run", NeedsParameter.class.getName(), "--database", db()),
        ExitCodes.USAGE,
        "pass it as -P data=<value>");
  }

  @Test
  void aMissingClassPathEntryIsOneClearLine() {
    assertOneLine(
        Cli.run("run", SQUARES, "--class-path", dir.resolve("nope.jar").toString()),
        ExitCodes.DEFINITION,
        "--class-path entry");
  }

  @Test
  void rayWithoutItsRuntimeOnTheClassPathIsOneClearLine() throws Exception {
    boolean rayPresent;
    try {
      Class.forName("io.ray.api.Ray");
      rayPresent = true;
    } catch (ClassNotFoundException e) {
      rayPresent = false;
    }
    org.junit.jupiter.api.Assumptions.assumeFalse(
        rayPresent, "Ray is on the test class path; this test checks the message without it");
    assertOneLine(
        Cli.run(
            "run",
            SQUARES,
            "--database",
            db(),
            "--executor",
            "ray",
            "--ray-address",
            "127.0.0.1:6379"),
        ExitCodes.MISSING_TOOL,
        "needs Ray's Java runtime");
  }
}
