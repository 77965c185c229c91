package org.orcapod.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orcapod status}: the status events of a pipeline's packets, from its status tables. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the status events (RUNNING, SUCCESS, CACHED, FAILED) the pipeline's runs wrote, one"
          + " line per packet and event, oldest first."
    })
final class StatusCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Mixin TableQuery query = new TableQuery();

  @Option(names = "--failed", description = "Only FAILED events.")
  boolean failed;

  @Override
  public Integer call() {
    PrintWriter out = java.util.Objects.requireNonNull(spec).commandLine().getOut();
    return query.withTables(
        tables -> {
          TextTable table = new TextTable("time", "run", "node", "state", "tags", "error");
          for (PipelineTables.StatusRow s : tables.status()) {
            if (!query.nodeMatches(s.node())
                || !PipelineTables.runMatches(query.run, s.runId())
                || (failed && !s.state().equals("FAILED"))) {
              continue;
            }
            table.add(
                s.timestamp(),
                TableQuery.shortRun(s.runId()),
                s.node(),
                s.state(),
                PipelineTables.formatTags(s.tags()),
                s.error() == null ? "" : s.error());
          }
          table.print(out);
          out.println(table.size() + " status rows");
          out.flush();
          return ExitCodes.OK;
        });
  }
}
