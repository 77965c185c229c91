package org.orcapod.function;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.orcapod.execution.DirectCaller;
import org.orcapod.execution.IncompatibleExecutorException;
import org.orcapod.execution.JavaFunctionExecutor;
import org.orcapod.execution.PacketBatchExecutor;
import org.orcapod.execution.PacketFunctionExecutor;
import org.orcapod.execution.PacketLogger;
import org.orcapod.execution.RemoteFunction;

/**
 * The executor routing shared by every Java packet function: {@link #call} hands {@link
 * #directCall} to the executor's {@code executeCallable} when one is set, and to a {@link
 * DirectCaller} otherwise.
 */
public abstract class AbstractPacketFunction implements PacketFunction {
  private volatile @Nullable JavaFunctionExecutor executor;
  private @Nullable DirectCaller directCaller;

  /** Creates a function with no executor. */
  protected AbstractPacketFunction() {}

  @Override
  public final @Nullable JavaFunctionExecutor executor() {
    return executor;
  }

  @Override
  public final void setExecutor(@Nullable PacketFunctionExecutor executor) {
    if (executor == null) {
      this.executor = null;
      return;
    }
    executor.requireSupports(typeId(), canonicalName());
    if (!(executor instanceof JavaFunctionExecutor java)) {
      throw new IncompatibleExecutorException(
          executor.executorTypeId(),
          executor.supportedFunctionTypeIds(),
          typeId(),
          canonicalName() + " (the executor does not implement JavaFunctionExecutor)");
    }
    if (java instanceof PacketBatchExecutor && remoteFunction().isEmpty()) {
      throw new IllegalArgumentException(
          "[Orcapod/NotRemotable] function '"
              + canonicalName()
              + "' cannot run on "
              + executor.executorTypeId()
              + ": a remote worker rebuilds a function by name, and this one has none. Use a"
              + " generated pod (@PacketFunction), JavaPacketFunction.ofMethod with a static method, or"
              + " ofLambda with a Serializable body ((Body & Serializable) m -> ...).");
    }
    this.executor = java;
  }

  @Override
  public final @Nullable Map<String, @Nullable Object> call(
      Map<String, @Nullable Object> inputs, PacketLogger logger) throws Exception {
    Objects.requireNonNull(logger, "logger (pass PacketLogger.noOp() for none)");
    JavaFunctionExecutor e = executor;
    if (e instanceof PacketBatchExecutor) {
      Optional<RemoteFunction> remote = remoteFunction();
      if (remote.isPresent()) {
        return e.executeCallable(RemoteFunction.bind(remote.get(), inputs), logger);
      }
    }
    if (e != null) {
      return e.executeCallable(() -> directCall(inputs), logger);
    }
    return directCaller().call(() -> directCall(inputs), logger);
  }

  private synchronized DirectCaller directCaller() {
    if (directCaller == null) {
      directCaller = new DirectCaller(canonicalName());
    }
    return directCaller;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + canonicalName() + " " + version() + "]";
  }
}
