package org.orcapod.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.memory.InMemoryArrowDatabase;
import org.orcapod.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code orcapod dag <pipeline class>}: the compiled DAG as Mermaid, Graphviz DOT or SVG. The
 * pipeline is built on a throw-away in-memory database and never run.
 */
@Command(
    name = "dag",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the pipeline's DAG as Mermaid (default), Graphviz DOT, or SVG (drawn by Graphviz's"
          + " dot command, which must be installed). Nothing is run or stored."
    })
final class DagCommand implements Callable<Integer> {
  /** The output format. */
  enum Format {
    mermaid,
    dot,
    svg
  }

  @Spec @Nullable CommandSpec spec;

  @Mixin DefinitionOptions pipelineClass = new DefinitionOptions();

  @Option(
      names = "--format",
      defaultValue = "mermaid",
      description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  Format format = Format.mermaid;

  @Option(
      names = "--dot-command",
      defaultValue = "dot",
      paramLabel = "<command>",
      description = "The Graphviz program that draws --format svg (default ${DEFAULT-VALUE}).")
  String dotCommand = "dot";

  @Override
  public Integer call() throws Exception {
    PrintWriter out = java.util.Objects.requireNonNull(spec).commandLine().getOut();
    String text;
    String name;
    boolean defined = false;
    try (DefinitionOptions.Loaded loaded = pipelineClass.load()) {
      BufferAllocator allocator = new RootAllocator();
      try (InMemoryArrowDatabase db = InMemoryArrowDatabase.create(allocator);
          Pipeline p = pipelineClass.define(loaded.definition(), db, allocator)) {
        defined = true;
        name = p.name();
        DagRenderer r = new DagRenderer(name, p.graph());
        text = format == Format.mermaid ? r.mermaid() : r.dot();
      } finally {
        RunCommand.closeAllocator(
            allocator,
            defined ? java.util.Objects.requireNonNull(spec).commandLine().getErr() : null,
            pipelineClass.className);
      }
    }
    if (format == Format.svg) {
      text = svg(text);
    }
    out.print(text);
    out.flush();
    return ExitCodes.OK;
  }

  /** Runs {@code <dot> -Tsvg} on the DOT text. */
  private String svg(String dotText) throws InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(List.of(dotCommand, "-Tsvg")).start();
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.MISSING_TOOL,
          "--format svg needs Graphviz, but the command '"
              + dotCommand
              + "' cannot be run; install Graphviz (e.g. apt-get install graphviz, brew install"
              + " graphviz) or use --format dot");
    }
    CompletableFuture<byte[]> stdout = drain(process.getInputStream());
    CompletableFuture<byte[]> stderr = drain(process.getErrorStream());
    try (OutputStream in = process.getOutputStream()) {
      in.write(dotText.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // dot exited early; its exit code and stderr say why.
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new CliException(ExitCodes.MISSING_TOOL, dotCommand + " -Tsvg did not finish in 60 s");
    }
    String svg = new String(stdout.join(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      String why = new String(stderr.join(), StandardCharsets.UTF_8).strip();
      throw new CliException(
          ExitCodes.MISSING_TOOL,
          dotCommand + " -Tsvg failed with exit code " + process.exitValue() + ": " + why);
    }
    return svg;
  }

  private static CompletableFuture<byte[]> drain(InputStream s) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (InputStream in = s) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toByteArray();
          } catch (IOException e) {
            return new byte[0];
          }
        });
  }
}
