package org.orcapod.execution;

import java.util.Map;
import java.util.Set;

/**
 * The slim base of every executor: identity, compatibility with packet-function types, lifecycle
 * and per-node options.
 *
 * <p>It says nothing about how a function is handed over, so executors for non-Java functions
 * (containers, other languages) implement this interface and their own execution subtype; Java
 * functions run through {@link JavaFunctionExecutor}.
 *
 * <p>Executors are value-like: configuration is fixed at construction, and {@link
 * #withOptions(ExecutorOptions)} always returns a new instance, so one base executor can be
 * specialised per node without the nodes sharing state.
 */
public interface PacketFunctionExecutor extends AutoCloseable {

  /** The key of the executor type in {@link #executorInfo()}. */
  String EXECUTOR_TYPE_KEY = "executor_type";

  /** A stable identifier of this executor type, for example {@code local.v0}. */
  String executorTypeId();

  /**
   * The packet-function type ids this executor can run, for example {@code java.function.v0}. An
   * empty set means every type.
   */
  Set<String> supportedFunctionTypeIds();

  /** Whether this executor can run functions whose type id is {@code packetFunctionTypeId}. */
  default boolean supports(String packetFunctionTypeId) {
    Set<String> ids = supportedFunctionTypeIds();
    return ids.isEmpty() || ids.contains(packetFunctionTypeId);
  }

  /**
   * Throws unless this executor {@link #supports supports} the function type; the node layer calls
   * it when an executor is assigned, so a mismatch fails at assignment rather than mid-run.
   *
   * @param functionLabel names the function or node in the message
   * @throws IncompatibleExecutorException naming the executor, the function and the supported ids
   */
  default void requireSupports(String packetFunctionTypeId, String functionLabel) {
    if (!supports(packetFunctionTypeId)) {
      throw new IncompatibleExecutorException(
          executorTypeId(), supportedFunctionTypeIds(), packetFunctionTypeId, functionLabel);
    }
  }

  /**
   * Whether several packets can usefully be in flight at once (submitted asynchronously and
   * collected later). A caller may still submit concurrently when this is false; it just gains
   * nothing.
   */
  default boolean supportsConcurrentExecution() {
    return false;
  }

  /**
   * Describes the execution environment for result and provenance rows, in a stable key order. It
   * never affects content or pipeline hashes. Always contains {@link #EXECUTOR_TYPE_KEY}.
   */
  default Map<String, String> executorInfo() {
    return Map.of(EXECUTOR_TYPE_KEY, executorTypeId());
  }

  /**
   * Returns a <em>new</em> executor of the same type configured with {@code options}, even when
   * nothing changes. Keys this executor does not know are ignored (pipeline-wide engine options may
   * target other executor types); a known key with a value of the wrong type is rejected.
   *
   * @throws InvalidExecutorOptionException naming the key, the expected type and the value
   */
  PacketFunctionExecutor withOptions(ExecutorOptions options);

  /**
   * Acquires resources ahead of the first execution. Optional: executors start lazily on first use.
   * Idempotent.
   */
  default void start() {}

  /**
   * Releases the executor's resources (threads, connections). Idempotent; executing after close
   * throws {@link IllegalStateException}.
   */
  @Override
  void close();
}
