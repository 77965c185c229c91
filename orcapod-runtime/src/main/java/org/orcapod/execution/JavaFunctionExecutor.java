package org.orcapod.execution;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * An executor of Java packet functions: it receives the function as a {@link Callable} whose
 * arguments are already bound, runs it where it decides, captures what the run produced and hands
 * that to a {@link PacketLogger}.
 *
 * <p>Contract for every implementation:
 *
 * <ul>
 *   <li>{@link PacketLogger#record} is called once per execution, on success and on failure, before
 *       the result is returned or the exception is thrown.
 *   <li>The user's exception is re-thrown unchanged: the same instance, checked or not, with no
 *       wrapping and no added suppressed exceptions.
 *   <li>A logger that throws never changes the outcome: the failure is logged and the user's result
 *       or exception goes on.
 * </ul>
 */
public interface JavaFunctionExecutor extends PacketFunctionExecutor {

  /** The packet-function type id of functions written in Java. */
  String JAVA_FUNCTION_TYPE_ID = "java.function.v0";

  /**
   * Runs {@code callable} and returns its result.
   *
   * @param logger receives the captured fields; {@link PacketLogger#noOp()} when nothing is
   *     recorded
   * @throws Exception exactly what the callable threw
   * @throws IllegalStateException if the executor is closed
   */
  <T> T executeCallable(Callable<T> callable, PacketLogger logger) throws Exception;

  /**
   * Starts {@code callable} and returns a future of its result. If the callable throws, the future
   * completes exceptionally with that very exception: {@code handle}/{@code whenComplete} on the
   * returned future see it as is, {@code get()} wraps it in an {@code ExecutionException} whose
   * cause is it.
   *
   * @throws IllegalStateException if the executor is closed
   */
  <T> CompletableFuture<T> executeCallableAsync(Callable<T> callable, PacketLogger logger);

  @Override
  JavaFunctionExecutor withOptions(ExecutorOptions options);
}
