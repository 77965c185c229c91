package org.orcapod.execution;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.orcapod.schema.Schema;

/**
 * A packet function in a form that travels to another JVM and is rebuilt there by name: the class
 * of a generated pod, a static method, or (for lambdas) a serialized body. It carries the
 * function's identity (name, version, bytecode fingerprint), and {@link #resolve} checks that the
 * code it finds in the remote JVM has that identity, so a worker with stale classes fails instead
 * of computing different results under the same identity.
 */
public interface RemoteFunction extends Serializable {

  /** The function's canonical name, for messages. */
  String canonicalName();

  /**
   * Rebuilds the function in this JVM, loading classes through the thread's context class loader.
   *
   * @throws Exception if the class or method is missing here, or its identity differs from the
   *     driver's ({@code [Orcapod/RemoteFunctionMismatch]})
   */
  Body resolve() throws Exception;

  /**
   * A call of {@code function} on one packet's values, as a {@code Serializable} callable that an
   * executor of single calls can send: the function is rebuilt where the callable runs.
   */
  static Callable<@Nullable Map<String, @Nullable Object>> bind(
      RemoteFunction function, Map<String, @Nullable Object> inputs) {
    return new Call(function, new LinkedHashMap<>(inputs));
  }

  /**
   * One packet's call; its values are Java-serialized with it.
   *
   * @param function the function
   * @param inputs values by input column name (a {@code LinkedHashMap}, so it is Serializable)
   */
  record Call(RemoteFunction function, LinkedHashMap<String, @Nullable Object> inputs)
      implements Callable<@Nullable Map<String, @Nullable Object>>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public @Nullable Map<String, @Nullable Object> call() throws Exception {
      return function.resolve().call(inputs);
    }
  }

  /** The rebuilt function: what a worker runs for each packet. */
  interface Body {
    /** The packet columns the function produces. */
    Schema outputSchema();

    /**
     * Computes one packet.
     *
     * @param inputs values by input column name
     * @return values by output column name, or null to drop the packet
     * @throws Exception exactly what the function threw
     */
    @Nullable Map<String, @Nullable Object> call(Map<String, @Nullable Object> inputs)
        throws Exception;
  }
}
