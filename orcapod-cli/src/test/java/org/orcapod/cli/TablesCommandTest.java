package org.orcapod.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orcapod.cli.RunCommandTest.SQUARES;
import static org.orcapod.cli.RunCommandTest.assertOneLine;
import static org.orcapod.cli.RunCommandTest.row;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code orcapod status}, {@code logs} and {@code cache} after two runs of the squares pipeline:
 * the first with one failing packet ({@code x = 3}), the second with the function fixed.
 */
class TablesCommandTest {
  @TempDir Path dir;

  String db;
  String firstRun;
  String secondRun;

  static String runId(Cli.Result r) {
    return row(r.out(), "run").get(1).substring(0, 8);
  }

  @BeforeEach
  void twoRuns() {
    db = dir.resolve("db").toString();
    Cli.Result first = Cli.run("run", SQUARES, "--database", db, "-P", "fail=3");
    assertThat(first.code()).isEqualTo(ExitCodes.PIPELINE_FAILED);
    Cli.Result second = Cli.run("run", SQUARES, "--database", db);
    assertThat(second.code()).isZero();
    firstRun = runId(first);
    secondRun = runId(second);
    assertThat(firstRun).isNotEqualTo(secondRun);
  }

  static List<String> dataLines(String out) {
    List<String> lines = out.lines().toList();
    return lines.subList(
        1,
        lines.indexOf(lines.stream().filter(l -> l.endsWith(" rows")).findFirst().orElseThrow()));
  }

  @Test
  void statusListsEveryEventOfEveryRun() {
    Cli.Result r = Cli.run("status", "--pipeline", "squares", "--database", db);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().findFirst().orElseThrow().split("\\s+"))
        .containsExactly("time", "run", "node", "state", "tags", "error");
    // Run 1: square 4 RUNNING + 3 SUCCESS + 1 FAILED, plus_one 3 + 3. Run 2: square 4 + 4 (3
    // CACHED, 1 SUCCESS), plus_one 4 + 4.
    assertThat(r.out()).contains("30 status rows");
    assertThat(dataLines(r.out())).hasSize(30);
  }

  @Test
  void statusFailedShowsTheFailedPacketWithItsError() {
    Cli.Result r = Cli.run("status", "--pipeline", "squares", "--database", db, "--failed");

    assertThat(r.code()).isZero();
    List<String> lines = dataLines(r.out());
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .contains(
            firstRun,
            "square",
            "FAILED",
            "id=3",
            "java.lang.IllegalStateException: cannot square 3");
  }

  @Test
  void statusFiltersByNodeAndByRun() {
    Cli.Result plusOne =
        Cli.run("status", "--pipeline", "squares", "--database", db, "--node", "plus_one");
    assertThat(dataLines(plusOne.out())).hasSize(14).allMatch(l -> l.contains(" plus_one "));

    Cli.Result second =
        Cli.run("status", "--pipeline", "squares", "--database", db, "--run", secondRun);
    List<String> lines = dataLines(second.out());
    assertThat(lines).hasSize(16).allMatch(l -> l.contains(secondRun));
    assertThat(lines.stream().filter(l -> l.contains(" CACHED "))).hasSize(6);

    Cli.Result both =
        Cli.run(
            "status",
            "--pipeline",
            "squares",
            "--database",
            db,
            "--run",
            firstRun,
            "--node",
            "square",
            "--failed");
    assertThat(dataLines(both.out())).hasSize(1);
  }

  @Test
  void logsShowStdoutAndTracebackOfTheSelectedRows() {
    Cli.Result r = Cli.run("logs", "--pipeline", "squares", "--database", db, "--failed");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("1 log rows");
    assertThat(r.out()).contains("== square [id=3] run " + firstRun);
    assertThat(r.out()).contains("stdout:\n  squaring 3\n");
    assertThat(r.out())
        .contains("traceback:\n  java.lang.IllegalStateException: cannot square 3\n");
    assertThat(r.out()).doesNotContain("squaring 1");

    Cli.Result square =
        Cli.run(
            "logs",
            "--pipeline",
            "squares",
            "--database",
            db,
            "--node",
            "square",
            "--run",
            firstRun);
    assertThat(square.out()).contains("4 log rows", "squaring 1", "squaring 4");
    assertThat(square.out()).contains("traceback: (empty)");

    // Cache hits have no log rows: the second run computed only x = 3 in each node.
    Cli.Result second =
        Cli.run("logs", "--pipeline", "squares", "--database", db, "--run", secondRun);
    assertThat(second.out()).contains("2 log rows");
  }

  @Test
  void cacheCountsTheLastRunOrTheGivenRun() {
    Cli.Result last = Cli.run("cache", "--pipeline", "squares", "--database", db);

    assertThat(last.code()).as(last.err()).isZero();
    assertThat(last.out()).startsWith("run " + secondRun);
    assertThat(row(last.out(), "square")).containsExactly("square", "4", "1", "3", "0");
    assertThat(row(last.out(), "plus_one")).containsExactly("plus_one", "4", "1", "3", "0");
    assertThat(last.out()).contains("total: 8 rows, 2 computed, 6 from the cache");

    Cli.Result first =
        Cli.run("cache", "--pipeline", "squares", "--database", db, "--run", firstRun);
    assertThat(row(first.out(), "square")).containsExactly("square", "3", "3", "0", "1");
    assertThat(row(first.out(), "plus_one")).containsExactly("plus_one", "3", "3", "0", "0");
  }

  @Test
  void aMissingDatabaseIsOneClearLineAndIsNotCreated() {
    Path missing = dir.resolve("elsewhere");
    for (String command : List.of("status", "logs", "cache")) {
      assertOneLine(
          Cli.run(command, "--pipeline", "squares", "--database", missing.toString()),
          ExitCodes.DATABASE,
          "no orcapod database at " + missing.resolve("orcapod.sqlite"));
    }
    assertThat(missing).doesNotExist();
  }

  @Test
  void anUnreachablePostgresDatabaseIsOneLineWithoutItsPassword() {
    // Nothing listens on port 1: the driver's connection is refused at once.
    String url = "jdbc:postgresql://127.0.0.1:1/orcapod?user=someone&password=s3cret";
    for (String command : List.of("status", "cache")) {
      Cli.Result r = Cli.run(command, "--pipeline", "squares", "--database", url);
      assertOneLine(
          r,
          ExitCodes.DATABASE,
          "cannot open the database jdbc:postgresql://127.0.0.1:1/orcapod: ");
      assertThat(r.err()).doesNotContain("s3cret");
    }
  }

  @Test
  void anUnknownPipelineNamesThePipelinesTheDatabaseHas() {
    assertOneLine(
        Cli.run("status", "--pipeline", "weather", "--database", db),
        ExitCodes.DATABASE,
        "has no status or log tables for pipeline 'weather'; it has tables for: squares");
  }

  @Test
  void anUnknownRunForCacheIsOneClearLine() {
    assertOneLine(
        Cli.run("cache", "--pipeline", "squares", "--database", db, "--run", "zzzz"),
        ExitCodes.DATABASE,
        "has no status rows for run zzzz");
  }

  @Test
  void thePipelineOptionIsRequired() {
    Cli.Result r = Cli.run("status", "--database", db);
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains("Missing required option: '--pipeline=<name>'", "Usage: orcapod status");
  }
}
