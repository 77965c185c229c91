package org.orcapod.pipeline;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.orcapod.execution.ExecutorOptions;
import org.orcapod.execution.PacketFunctionExecutor;
import org.orcapod.observe.ExecutionObserver;

/**
 * What {@link Pipeline#run(RunOptions)} applies, as the arguments of Python's {@code
 * pipeline.run(...)}.
 *
 * @param executor set on every function node (without a per-node override) as {@code
 *     executor.withOptions(engineOptions)}, a new instance per node; null keeps the nodes'
 *     executors
 * @param engineOptions the options given to {@code withOptions}
 * @param orchestrator runs the nodes; null for a {@link SyncPipelineOrchestrator} with the continue
 *     policy
 * @param observer receives the run's hooks; null for the pipeline's default (status and log tables
 *     when the pipeline has a database, else {@link org.orcapod.observe.NoOpObserver})
 */
public record RunOptions(
    @Nullable PacketFunctionExecutor executor,
    ExecutorOptions engineOptions,
    @Nullable PipelineOrchestrator orchestrator,
    @Nullable ExecutionObserver observer) {
  /** Checks the options. */
  public RunOptions {
    Objects.requireNonNull(engineOptions, "engineOptions");
  }

  /** Nothing set: the nodes' executors, a sync orchestrator, the default observer. */
  public static RunOptions defaults() {
    return new RunOptions(null, ExecutorOptions.empty(), null, null);
  }

  /** These options with {@code executor}. */
  public RunOptions withExecutor(@Nullable PacketFunctionExecutor executor) {
    return new RunOptions(executor, engineOptions, orchestrator, observer);
  }

  /** These options with {@code engineOptions}. */
  public RunOptions withEngineOptions(ExecutorOptions engineOptions) {
    return new RunOptions(executor, engineOptions, orchestrator, observer);
  }

  /** These options with {@code orchestrator}. */
  public RunOptions withOrchestrator(@Nullable PipelineOrchestrator orchestrator) {
    return new RunOptions(executor, engineOptions, orchestrator, observer);
  }

  /** These options with {@code observer}. */
  public RunOptions withObserver(@Nullable ExecutionObserver observer) {
    return new RunOptions(executor, engineOptions, orchestrator, observer);
  }
}
