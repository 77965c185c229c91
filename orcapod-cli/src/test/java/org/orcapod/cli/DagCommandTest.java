package org.orcapod.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orcapod.cli.RunCommandTest.assertOneLine;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code orcapod dag}: Mermaid, DOT and SVG of a diamond pipeline. */
class DagCommandTest {
  static final String DIAMOND = DiamondPipeline.class.getName();

  @Test
  void mermaidShowsEveryNodeWithItsKindAndEveryEdge() {
    Cli.Result r = Cli.run("dag", DIAMOND);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty(); // the pipeline owns its source: nothing is left allocated
    assertThat(r.out())
        .isEqualTo(
            """
            %% pipeline diamond
            flowchart TD
              n_DictSource[/"DictSource<br/><i>source</i>"/]
              n_left["left<br/><i>function</i>"]
              n_right["right<br/><i>function</i>"]
              n_Join{{"Join<br/><i>operator</i>"}}
              n_merge["merge<br/><i>function</i>"]
              n_DictSource --> n_left
              n_DictSource --> n_right
              n_left --> n_Join
              n_right --> n_Join
              n_Join --> n_merge
              classDef source fill:#e8f4e8,stroke:#555
              class n_DictSource source
              classDef function fill:#e8eef8,stroke:#555
              class n_left,n_right,n_merge function
              classDef operator fill:#f8f0e0,stroke:#555
              class n_Join operator
            """);
    // Ids come from labels, so they do not change between invocations.
    assertThat(Cli.run("dag", DIAMOND, "--format", "mermaid").out()).isEqualTo(r.out());
  }

  @Test
  void dotShowsEveryNodeWithItsKindAndEveryEdge() {
    Cli.Result r = Cli.run("dag", DIAMOND, "--format", "dot");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
            digraph "diamond" {
              rankdir=TB;
              node [fontname="Helvetica", style=filled];
              n_DictSource [label="DictSource\\nsource", shape=parallelogram, fillcolor="#e8f4e8"];
              n_left [label="left\\nfunction", shape=box, fillcolor="#e8eef8"];
              n_right [label="right\\nfunction", shape=box, fillcolor="#e8eef8"];
              n_Join [label="Join\\noperator", shape=hexagon, fillcolor="#f8f0e0"];
              n_merge [label="merge\\nfunction", shape=box, fillcolor="#e8eef8"];
              n_DictSource -> n_left;
              n_DictSource -> n_right;
              n_left -> n_Join;
              n_right -> n_Join;
              n_Join -> n_merge;
            }
            """);
  }

  @Test
  void theSquaresPipelineDrawsItsFilterAndChain() {
    Cli.Result r = Cli.run("dag", RunCommandTest.SQUARES);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "n_Filter{{\"Filter<br/><i>operator</i>\"}}",
            "n_DictSource --> n_Filter",
            "n_Filter --> n_square",
            "n_square --> n_plus_one");
  }

  static boolean dotInstalled() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, "dot"))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void svgIsDrawnByGraphvizWhenItIsInstalled() {
    if (!dotInstalled()) {
      System.err.println(
          "SKIPPED DagCommandTest.svgIsDrawnByGraphvizWhenItIsInstalled: Graphviz 'dot' is not on"
              + " PATH; install graphviz to run it");
    }
    Assumptions.assumeTrue(dotInstalled(), "Graphviz 'dot' is not on PATH; install graphviz");
    Cli.Result r = Cli.run("dag", DIAMOND, "--format", "svg");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("<svg", "left", "merge", "</svg>");
  }

  @Test
  void svgWithoutGraphvizIsOneLineSayingToInstallIt() {
    assertOneLine(
        Cli.run("dag", DIAMOND, "--format", "svg", "--dot-command", "/nonexistent/graphviz/dot"),
        ExitCodes.MISSING_TOOL,
        "install Graphviz");
  }

  /** A stand-in for Graphviz: a shell script; checks the piping, not Graphviz. */
  private static Path script(Path dir, String body) throws Exception {
    Path f = dir.resolve("fake-dot.sh");
    Files.writeString(f, "#!/bin/sh\n" + body + "\n");
    assertThat(f.toFile().setExecutable(true)).isTrue();
    return f;
  }

  @Test
  void svgPipesTheDotTextThroughTheDotCommand(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    // The fake program checks its argument and wraps what it read on stdin.
    Path fake =
        script(dir, "[ \"$1\" = \"-Tsvg\" ] || exit 9\n" + "echo '<svg>'; cat; echo '</svg>'");

    Cli.Result r = Cli.run("dag", DIAMOND, "--format", "svg", "--dot-command", fake.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo("<svg>\n" + Cli.run("dag", DIAMOND, "--format", "dot").out() + "</svg>\n");
  }

  @Test
  void aFailingDotCommandIsOneLineWithItsMessage(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    Path fake = script(dir, "cat > /dev/null; echo 'syntax error in line 1' >&2; exit 3");

    assertOneLine(
        Cli.run("dag", DIAMOND, "--format", "svg", "--dot-command", fake.toString()),
        ExitCodes.MISSING_TOOL,
        "-Tsvg failed with exit code 3: syntax error in line 1");
  }

  @Test
  void unknownFormatAndUnknownClassAreReported() {
    Cli.Result format = Cli.run("dag", DIAMOND, "--format", "png");
    assertThat(format.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(format.err()).contains("--format", "Usage: orcapod dag");

    assertOneLine(
        Cli.run("dag", "no.such.Pipeline"), ExitCodes.DEFINITION, "unknown pipeline class");
  }
}
