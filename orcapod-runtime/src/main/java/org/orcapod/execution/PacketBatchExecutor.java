package org.orcapod.execution;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.jspecify.annotations.Nullable;

/**
 * An executor that runs many packets of one function elsewhere: it receives the packets as one
 * Arrow batch and the function as a {@link RemoteFunction} that the remote side rebuilds by name,
 * so neither the data nor the function is serialized per packet.
 *
 * <p>The contract of {@link JavaFunctionExecutor} holds per packet: each packet's logger is called
 * once, on success and on failure, before its future completes; a packet whose function threw
 * completes exceptionally with the function's own exception type; a logger that throws never
 * changes the outcome.
 */
public interface PacketBatchExecutor extends JavaFunctionExecutor {

  /**
   * Starts the function on every row of {@code packets}.
   *
   * @param function the function, as the remote side rebuilds it
   * @param packets one row per packet, with the function's input columns; read before this method
   *     returns, so the caller may close it then
   * @param loggers one logger per row ({@link PacketLogger#noOp()} for none)
   * @return one future per row, in row order: the output values by column name, or null when the
   *     function dropped the packet
   * @throws IllegalArgumentException if {@code loggers} does not have one logger per row
   * @throws IllegalStateException if the executor is closed
   */
  List<CompletableFuture<@Nullable Map<String, @Nullable Object>>> executeBatchAsync(
      RemoteFunction function, VectorSchemaRoot packets, List<PacketLogger> loggers);

  @Override
  PacketBatchExecutor withOptions(ExecutorOptions options);
}
