package org.orcapod.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orcapod.cli.RunCommandTest.assertOneLine;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.pipeline.DefinitionContext;
import org.orcapod.pipeline.Pipeline;

/** {@code orcapod dag}: Mermaid, DOT and SVG of a diamond pipeline. */
class DagCommandTest {
  static final String DIAMOND = DiamondPipeline.class.getName();

  /** The diamond's node ids by label, from the pipeline compiled here. */
  static Map<String, String> diamondIds() {
    try (RootAllocator allocator = new RootAllocator();
        InMemoryArrowDatabase db = InMemoryArrowDatabase.create(allocator);
        Pipeline p = new DiamondPipeline().define(new DefinitionContext(db, allocator, Map.of()))) {
      Map<String, String> ids = DagRenderer.ids(p.graph().nodes());
      assertThat(ids.keySet()).containsExactly("DictSource", "left", "right", "Join", "merge");
      assertThat(ids.values())
          .doesNotHaveDuplicates()
          .allMatch(id -> id.matches("(source|function|operator)_[0-9a-f]{12}"));
      assertThat(ids.get("left")).startsWith("function_");
      assertThat(ids.get("Join")).startsWith("operator_");
      return ids;
    }
  }

  /** {@code text} with every {@code $<label>} replaced by that node's id. */
  static String withIds(String text) {
    String out = text;
    for (Map.Entry<String, String> e : diamondIds().entrySet()) {
      out = out.replace("$" + e.getKey() + "$", e.getValue());
    }
    return out;
  }

  @Test
  void mermaidShowsEveryNodeWithItsKindAndEveryEdge() {
    Cli.Result r = Cli.run("dag", DIAMOND);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty(); // the pipeline owns its source: nothing is left allocated
    assertThat(r.out())
        .isEqualTo(
            withIds(
                """
                %% pipeline diamond
                flowchart TD
                  $DictSource$[/"DictSource<br/><i>source</i>"/]
                  $left$["left<br/><i>function</i>"]
                  $right$["right<br/><i>function</i>"]
                  $Join${{"Join<br/><i>operator</i>"}}
                  $merge$["merge<br/><i>function</i>"]
                  $DictSource$ --> $left$
                  $DictSource$ --> $right$
                  $left$ --> $Join$
                  $right$ --> $Join$
                  $Join$ --> $merge$
                  classDef source fill:#e8f4e8,stroke:#555
                  class $DictSource$ source
                  classDef function fill:#e8eef8,stroke:#555
                  class $left$,$right$,$merge$ function
                  classDef operator fill:#f8f0e0,stroke:#555
                  class $Join$ operator
                """));
    assertThat(Cli.run("dag", DIAMOND, "--format", "mermaid").out()).isEqualTo(r.out());
  }

  @Test
  void idsDoNotChangeWhenTheDataChanges() {
    Cli.Result four = Cli.run("dag", RunCommandTest.SQUARES, "-P", "n=4");
    Cli.Result six = Cli.run("dag", RunCommandTest.SQUARES, "-P", "n=6", "--format", "mermaid");

    assertThat(four.code()).isZero();
    assertThat(six.out()).isEqualTo(four.out());
  }

  @Test
  void dotShowsEveryNodeWithItsKindAndEveryEdge() {
    Cli.Result r = Cli.run("dag", DIAMOND, "--format", "dot");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            withIds(
                """
                digraph "diamond" {
                  rankdir=TB;
                  node [fontname="Helvetica", style=filled];
                  $DictSource$ [label="DictSource\\nsource", shape=parallelogram, fillcolor="#e8f4e8"];
                  $left$ [label="left\\nfunction", shape=box, fillcolor="#e8eef8"];
                  $right$ [label="right\\nfunction", shape=box, fillcolor="#e8eef8"];
                  $Join$ [label="Join\\noperator", shape=hexagon, fillcolor="#f8f0e0"];
                  $merge$ [label="merge\\nfunction", shape=box, fillcolor="#e8eef8"];
                  $DictSource$ -> $left$;
                  $DictSource$ -> $right$;
                  $left$ -> $Join$;
                  $right$ -> $Join$;
                  $Join$ -> $merge$;
                }
                """));
  }

  @Test
  void theSquaresPipelineDrawsItsFilterAndChain() {
    Cli.Result r = Cli.run("dag", RunCommandTest.SQUARES);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .containsPattern("operator_[0-9a-f]{12}\\{\\{\"Filter<br/><i>operator</i>\"}}")
        .containsPattern("source_[0-9a-f]{12} --> operator_[0-9a-f]{12}\n")
        .containsPattern("operator_[0-9a-f]{12} --> function_[0-9a-f]{12}\n")
        .containsPattern("function_[0-9a-f]{12} --> function_[0-9a-f]{12}\n");
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

  /** Whether the environment says this is a CI run ({@code CI=true}). */
  static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * Skips loudly without Graphviz on a developer's machine; under {@code CI=true} (where {@code
   * .ci/lib/graphviz.sh} installs it) runs anyway, so that a missing {@code dot} fails the build
   * instead of passing by skipping.
   */
  @Test
  void svgIsDrawnByGraphvizWhenItIsInstalled() {
    if (!dotInstalled() && !inCi()) {
      System.err.println(
          "SKIPPED DagCommandTest.svgIsDrawnByGraphvizWhenItIsInstalled: Graphviz 'dot' is not on"
              + " PATH; install graphviz to run it (source .ci/lib/graphviz.sh &&"
              + " ci_start_graphviz)");
      Assumptions.abort("Graphviz 'dot' is not on PATH; install graphviz");
    }
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
