package org.orcapod.cli;

import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the commands that read a pipeline's stored tables: which pipeline, where. */
final class TableQuery {
  @Option(
      names = "--pipeline",
      required = true,
      paramLabel = "<name>",
      description = "The pipeline's name (its Pipeline.builder name, e.g. weather).")
  String pipeline = "";

  @Mixin DatabaseOption database = new DatabaseOption();

  @Option(names = "--node", paramLabel = "<label>", description = "Only rows of this node.")
  @Nullable String node;

  @Option(
      names = "--run",
      paramLabel = "<run id>",
      description = "Only rows of this run (its id, or a prefix of it as printed).")
  @Nullable String run;

  /** Opens the database, reads the tables and hands them to {@code work}. */
  <T> T withTables(Function<PipelineTables, T> work) {
    BufferAllocator allocator = new RootAllocator();
    try {
      try (ArrowDatabase db = database.openExisting(allocator)) {
        PipelineTables tables;
        try {
          tables = PipelineTables.read(db, pipeline, database.describe(), allocator);
        } catch (CliException e) {
          throw e;
        } catch (RuntimeException e) {
          throw new CliException(
              ExitCodes.DATABASE,
              "cannot read the tables of pipeline '"
                  + pipeline
                  + "' from "
                  + database.describe()
                  + ": "
                  + OrcapodCli.oneLine(e),
              e);
        }
        return work.apply(tables);
      }
    } finally {
      allocator.close();
    }
  }

  boolean nodeMatches(String label) {
    return node == null || node.equals(label);
  }

  /** A short run id as printed in tables: its first 8 characters. */
  static String shortRun(String runId) {
    return runId.length() > 8 ? runId.substring(0, 8) : runId;
  }
}
