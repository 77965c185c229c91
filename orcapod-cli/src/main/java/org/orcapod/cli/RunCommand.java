package org.orcapod.cli;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.execution.LocalExecutor;
import org.orcapod.execution.PacketFunctionExecutor;
import org.orcapod.function.ErrorPolicy;
import org.orcapod.observe.CompositeObserver;
import org.orcapod.pipeline.AsyncPipelineOrchestrator;
import org.orcapod.pipeline.NodeKind;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.pipeline.PipelineExecutionException;
import org.orcapod.pipeline.PipelineNode;
import org.orcapod.pipeline.PipelineOrchestrator;
import org.orcapod.pipeline.RunOptions;
import org.orcapod.pipeline.RunResult;
import org.orcapod.pipeline.SyncPipelineOrchestrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code orcapod run <pipeline class>}: builds the pipeline, runs it and prints what it did. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the pipeline of a PipelineDefinition class, runs it on the database and prints, per"
          + " node, how many packets were computed and how many came from the cache."
    })
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  /** Where packets run. */
  enum ExecutorChoice {
    local,
    ray
  }

  /** Which orchestrator runs the nodes. */
  enum OrchestratorChoice {
    sync,
    async
  }

  @Spec @Nullable CommandSpec spec;

  @Mixin DefinitionOptions pipelineClass = new DefinitionOptions();

  @Mixin DatabaseOption database = new DatabaseOption();

  @Option(
      names = "--executor",
      defaultValue = "local",
      description = "Where packets run: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  ExecutorChoice executor = ExecutorChoice.local;

  @Option(
      names = "--threads",
      defaultValue = "1",
      description = "Threads per function node of the local executor (default ${DEFAULT-VALUE}).")
  int threads = 1;

  @Option(
      names = "--ray-address",
      paramLabel = "<host:port>",
      description = "Head node of the Ray cluster (needed with --executor ray).")
  @Nullable String rayAddress;

  @Option(
      names = "--orchestrator",
      defaultValue = "sync",
      description =
          "sync: one node after the other; async: every node on its own thread (default"
              + " ${DEFAULT-VALUE}).")
  OrchestratorChoice orchestrator = OrchestratorChoice.sync;

  @Option(
      names = "--error-policy",
      defaultValue = "continue",
      paramLabel = "continue|fail-fast",
      description =
          "continue: skip failed packets and go on; fail-fast: stop at the first failure"
              + " (default ${DEFAULT-VALUE}).")
  String errorPolicy = "continue";

  @Option(
      names = "--progress",
      defaultValue = "auto",
      paramLabel = "auto|bar|plain|none",
      description =
          "auto: a bar on a terminal, plain lines otherwise; bar; plain; none (default"
              + " ${DEFAULT-VALUE}).")
  String progress = "auto";

  /** Whether define() returned a pipeline (then leftover memory is the definition's to fix). */
  private boolean defined;

  @Override
  public Integer call() throws Exception {
    CommandSpec s = java.util.Objects.requireNonNull(spec);
    ErrorPolicy policy = policy(s, errorPolicy);
    ProgressObserver.Mode mode = progressMode(s);
    if (threads < 1) {
      throw new ParameterException(
          s.commandLine(), "--threads must be at least 1 (was " + threads + ")");
    }
    if (executor == ExecutorChoice.ray && rayAddress == null) {
      throw new ParameterException(
          s.commandLine(), "--executor ray needs --ray-address <host:port> of the cluster's head");
    }
    PrintWriter out = s.commandLine().getOut();
    PrintWriter err = s.commandLine().getErr();
    try (DefinitionOptions.Loaded loaded = pipelineClass.load()) {
      BufferAllocator allocator = new RootAllocator();
      try (ArrowDatabase db = database.openOrCreate(allocator)) {
        return run(loaded, db, allocator, policy, mode, out, err);
      } finally {
        closeAllocator(allocator, defined ? err : null, pipelineClass.className);
      }
    }
  }

  private int run(
      DefinitionOptions.Loaded loaded,
      ArrowDatabase db,
      BufferAllocator allocator,
      ErrorPolicy policy,
      ProgressObserver.Mode mode,
      PrintWriter out,
      PrintWriter err) {
    try (Pipeline pipeline = pipelineClass.define(loaded.definition(), db, allocator);
        PacketFunctionExecutor base = executor()) {
      defined = true;
      out.println(
          "pipeline "
              + pipeline.name()
              + " ("
              + pipelineClass.className
              + "), database "
              + database.describe());
      out.flush();
      // Sources have nothing to run: the bar counts function and operator nodes.
      int steps = 0;
      Set<String> functions = new HashSet<>();
      for (PipelineNode n : pipeline.graph().nodes()) {
        steps += n.kind() == NodeKind.SOURCE ? 0 : 1;
        if (n.kind() == NodeKind.FUNCTION) {
          functions.add(n.label());
        }
      }
      ProgressObserver progressObserver = new ProgressObserver(out, mode, steps, functions);
      PipelineOrchestrator orch =
          orchestrator == OrchestratorChoice.async
              ? new AsyncPipelineOrchestrator(policy)
              : new SyncPipelineOrchestrator(policy);
      RunOptions options =
          RunOptions.defaults()
              .withExecutor(base)
              .withOrchestrator(orch)
              .withObserver(new CompositeObserver(pipeline.defaultObserver(), progressObserver));
      RunResult result;
      try {
        result = pipeline.run(options);
      } catch (PipelineExecutionException e) {
        result = e.result();
      } finally {
        progressObserver.finish();
      }
      printSummary(pipeline, progressObserver, result, out);
      progressObserver.crashes().forEach(c -> err.println("error: " + c));
      result
          .failed()
          .forEach(
              (label, error) ->
                  err.println("error: node " + label + " failed: " + OrcapodCli.oneLine(error)));
      err.flush();
      boolean ok = result.succeeded() && progressObserver.crashes().isEmpty();
      return ok ? ExitCodes.OK : ExitCodes.PIPELINE_FAILED;
    }
  }

  private static void printSummary(
      Pipeline p, ProgressObserver progress, RunResult result, PrintWriter out) {
    Map<String, ProgressObserver.Counts> counts = progress.counts();
    TextTable table = new TextTable("node", "kind", "rows", "computed", "cached", "failed");
    int computed = 0;
    int cached = 0;
    for (PipelineNode n : p.graph().nodes()) {
      String label = n.label();
      String rows = result.completed().contains(label) ? rows(p, label) : "-";
      if (n.kind() == NodeKind.FUNCTION) {
        ProgressObserver.Counts c = counts.getOrDefault(label, new ProgressObserver.Counts());
        computed += c.computed;
        cached += c.cached;
        table.add(label, n.kind().typeName(), rows, c.computed, c.cached, c.failed);
      } else {
        table.add(label, n.kind().typeName(), rows, "-", "-", "-");
      }
    }
    out.println();
    table.print(out);
    out.println();
    if (!result.skipped().isEmpty()) {
      out.println("skipped: " + String.join(", ", result.skipped()));
    }
    if (computed == 0) {
      out.println("everything came from the cache (" + cached + " packets)");
    } else {
      out.println("computed " + computed + " packets, " + cached + " came from the cache");
    }
    out.println("run " + result.runId() + " (" + result.pipelineUri() + ")");
    out.flush();
  }

  private static String rows(Pipeline p, String label) {
    try {
      return String.valueOf(p.stream(label).rowCount());
    } catch (RuntimeException e) {
      LOG.debug("cannot count the rows of {}", label, e);
      return "?";
    }
  }

  private PacketFunctionExecutor executor() {
    if (executor == ExecutorChoice.local) {
      return new LocalExecutor(threads);
    }
    try {
      return org.orcapod.execution.ray.RayExecutor.connect(
          java.util.Objects.requireNonNull(rayAddress));
    } catch (NoClassDefFoundError e) {
      throw new CliException(
          ExitCodes.MISSING_TOOL,
          "--executor ray needs Ray's Java runtime (ray_dist.jar from the ray pip wheel) on the"
              + " class path; add it with java -cp, or use --executor local");
    }
  }

  private static ErrorPolicy policy(CommandSpec s, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "continue" -> ErrorPolicy.CONTINUE;
      case "fail-fast", "fail_fast" -> ErrorPolicy.FAIL_FAST;
      default ->
          throw new ParameterException(
              s.commandLine(), "--error-policy must be continue or fail-fast (was " + value + ")");
    };
  }

  private ProgressObserver.Mode progressMode(CommandSpec s) {
    return switch (progress.toLowerCase(Locale.ROOT)) {
      case "auto" -> isTerminal() ? ProgressObserver.Mode.BAR : ProgressObserver.Mode.PLAIN;
      case "bar" -> ProgressObserver.Mode.BAR;
      case "plain" -> ProgressObserver.Mode.PLAIN;
      case "none" -> ProgressObserver.Mode.NONE;
      default ->
          throw new ParameterException(
              s.commandLine(),
              "--progress must be auto, bar, plain or none (was " + progress + ")");
    };
  }

  /** A console that is not a dumb terminal. */
  static boolean isTerminal() {
    String term = System.getenv("TERM");
    return System.console() != null && !"dumb".equals(term);
  }

  /**
   * Closes the allocator, or, when buffers are still allocated from it, warns on {@code err} that
   * the definition did not hand everything it built to {@code Pipeline.own} and leaves the buffers
   * to the end of the process (which comes right after) instead of failing a finished command. With
   * a null {@code err} (the definition failed) nothing is printed.
   */
  static void closeAllocator(
      BufferAllocator allocator, @Nullable PrintWriter err, String className) {
    long left = allocator.getAllocatedMemory();
    if (left > 0 || !allocator.getChildAllocators().isEmpty()) {
      if (err == null) {
        return; // define() failed: its error line is the one to show.
      }
      err.println(
          "warning: "
              + className
              + " left "
              + left
              + " bytes of Arrow memory allocated after the pipeline was closed; hand the sources"
              + " and streams define() builds to Pipeline.own(...) so closing the pipeline"
              + " releases them");
      err.flush();
      return;
    }
    allocator.close();
  }
}
