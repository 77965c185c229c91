package org.orcapod.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code orcapod cache}: per node, the rows a run produced and how many were computed or came from
 * the cache, counted from the status tables (one final event per packet: SUCCESS is computed,
 * CACHED is from the cache, FAILED failed) of the last run, or of {@code --run}.
 */
@Command(
    name = "cache",
    mixinStandardHelpOptions = true,
    description = {
      "Per function node of the last run (or of --run): rows, packets computed, packets served"
          + " from the cache and packets failed, counted from the status tables."
    })
final class CacheCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Mixin TableQuery query = new TableQuery();

  @Override
  public Integer call() {
    PrintWriter out = java.util.Objects.requireNonNull(spec).commandLine().getOut();
    return query.withTables(
        tables -> {
          String run = null;
          String uri = "";
          String started = "";
          String wanted = query.run != null ? query.run : tables.lastRunId();
          for (PipelineTables.StatusRow s : tables.status()) {
            if (wanted != null && s.runId().startsWith(wanted)) {
              if (run != null && !run.equals(s.runId())) {
                throw new CliException(
                    ExitCodes.USAGE,
                    "--run "
                        + wanted
                        + " matches several runs ("
                        + TableQuery.shortRun(run)
                        + "…, "
                        + TableQuery.shortRun(s.runId())
                        + "…); give more of the id");
              }
              if (run == null) {
                started = s.timestamp();
              }
              run = s.runId();
              uri = s.pipelineUri();
            }
          }
          if (run == null) {
            throw new CliException(
                ExitCodes.DATABASE,
                "pipeline '"
                    + query.pipeline
                    + "' has no status rows"
                    + (query.run != null ? " for run " + query.run : "")
                    + "; list runs with orcapod status");
          }
          Map<String, int[]> counts = new LinkedHashMap<>();
          for (PipelineTables.StatusRow s : tables.status()) {
            if (!s.runId().equals(run) || !query.nodeMatches(s.node())) {
              continue;
            }
            int[] c = counts.computeIfAbsent(s.node(), k -> new int[3]);
            switch (s.state()) {
              case "SUCCESS" -> c[0]++;
              case "CACHED" -> c[1]++;
              case "FAILED" -> c[2]++;
              default -> {}
            }
          }
          out.println("run " + run + " (" + uri + "), started " + started);
          TextTable table = new TextTable("node", "rows", "computed", "cached", "failed");
          int computed = 0;
          int cached = 0;
          for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            computed += c[0];
            cached += c[1];
            table.add(e.getKey(), c[0] + c[1], c[0], c[1], c[2]);
          }
          table.print(out);
          out.println(
              "total: "
                  + (computed + cached)
                  + " rows, "
                  + computed
                  + " computed, "
                  + cached
                  + " from the cache");
          out.flush();
          return ExitCodes.OK;
        });
  }
}
