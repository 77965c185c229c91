package org.orcapod.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code orcapod logs}: what computed packets printed and threw, from the pipeline's log tables.
 */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the log rows of the pipeline's computed packets (cache hits have none), then each"
          + " row's stdout, stderr, log lines and stack trace."
    })
final class LogsCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Mixin TableQuery query = new TableQuery();

  @Option(names = "--failed", description = "Only packets whose function threw.")
  boolean failed;

  @Override
  public Integer call() {
    PrintWriter out = java.util.Objects.requireNonNull(spec).commandLine().getOut();
    return query.withTables(
        tables -> {
          List<PipelineTables.LogRow> selected = new ArrayList<>();
          for (PipelineTables.LogRow l : tables.logs()) {
            if (query.nodeMatches(l.node())
                && PipelineTables.runMatches(query.run, l.runId())
                && !(failed && l.success())) {
              selected.add(l);
            }
          }
          TextTable table = new TextTable("time", "run", "node", "success", "tags");
          for (PipelineTables.LogRow l : selected) {
            table.add(
                l.timestamp(),
                TableQuery.shortRun(l.runId()),
                l.node(),
                l.success(),
                PipelineTables.formatTags(l.tags()));
          }
          table.print(out);
          out.println(selected.size() + " log rows");
          for (PipelineTables.LogRow l : selected) {
            out.println();
            out.println(
                "== "
                    + l.node()
                    + " ["
                    + PipelineTables.formatTags(l.tags())
                    + "] run "
                    + TableQuery.shortRun(l.runId())
                    + " at "
                    + l.timestamp()
                    + (l.success() ? "" : " FAILED"));
            section(out, "stdout", l.stdout());
            section(out, "stderr", l.stderr());
            section(out, "logs", l.logs());
            section(out, "traceback", l.traceback() == null ? "" : l.traceback());
          }
          out.flush();
          return ExitCodes.OK;
        });
  }

  private static void section(PrintWriter out, String name, String text) {
    if (text.isEmpty()) {
      out.println(name + ": (empty)");
      return;
    }
    out.println(name + ":");
    for (String line : text.stripTrailing().split("\n", -1)) {
      out.println("  " + line);
    }
  }
}
