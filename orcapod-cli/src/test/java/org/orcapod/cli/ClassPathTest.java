package org.orcapod.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orcapod.cli.RunCommandTest.assertOneLine;
import static org.orcapod.cli.RunCommandTest.row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pipeline class that is only in a folder given with {@code --class-path}. */
class ClassPathTest {
  @TempDir Path dir;

  Path classes;

  @BeforeEach
  void compileAPipelineOutsideTheClassPath() throws Exception {
    Path src = dir.resolve("src/extra/ExtraPipeline.java");
    Files.createDirectories(src.getParent());
    Files.writeString(
        src,
        """
        package extra;

        public final class ExtraPipeline implements org.orcapod.pipeline.PipelineDefinition {
          public ExtraPipeline() {}

          @Override
          public org.orcapod.pipeline.Pipeline define(org.orcapod.pipeline.DefinitionContext c) {
            return new org.orcapod.cli.DiamondPipeline().define(c);
          }
        }
        """);
    classes = dir.resolve("classes");
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc =
        javac.run(
            null,
            null,
            null,
            "-classpath",
            System.getProperty("java.class.path"),
            "-d",
            classes.toString(),
            src.toString());
    assertThat(rc).isZero();
  }

  @Test
  void theClassIsFoundOnlyWithTheDefinitionOptions() {
    assertOneLine(
        Cli.run("dag", "extra.ExtraPipeline"),
        ExitCodes.DEFINITION,
        "unknown pipeline class 'extra.ExtraPipeline'");

    Cli.Result dag = Cli.run("dag", "extra.ExtraPipeline", "--class-path", classes.toString());
    assertThat(dag.code()).as(dag.err()).isZero();
    assertThat(dag.out()).contains("%% pipeline diamond", "merge<br/><i>function</i>");

    Cli.Result run =
        Cli.run(
            "run",
            "extra.ExtraPipeline",
            "--cp",
            classes.toString(),
            "--database",
            dir.resolve("db").toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(row(run.out(), "merge")).isEqualTo(List.of("merge", "function", "3", "3", "0", "0"));
  }
}
