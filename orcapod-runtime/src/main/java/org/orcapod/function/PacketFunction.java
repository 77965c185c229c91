package org.orcapod.function;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.orcapod.execution.JavaFunctionExecutor;
import org.orcapod.execution.PacketFunctionExecutor;
import org.orcapod.execution.PacketLogger;
import org.orcapod.execution.RemoteFunction;
import org.orcapod.hashing.SemanticHasher;
import org.orcapod.schema.Schema;

/**
 * Maps one input packet (named values of {@link #inputSchema()}) to one output packet (named values
 * of {@link #outputSchema()}), as Python orcapod's {@code PacketFunctionProtocol}.
 *
 * <p>Implementations: {@link JavaPacketFunction} builds one from a method (reflection) or a lambda
 * with explicit schemas; the annotation processor generates reflection-free ones. Both extend
 * {@link AbstractPacketFunction}, which routes {@link #call} through the executor when one is set
 * and calls {@link #directCall} on the caller's thread otherwise. A packet function never assigns
 * itself an executor.
 */
public interface PacketFunction {
  /** The canonical name: the first uri component and the default label. */
  String canonicalName();

  /** The version string, e.g. {@code v1.2}; only its major part enters the identity. */
  String version();

  /** The packet columns the function reads. */
  Schema inputSchema();

  /** The packet columns the function produces. */
  Schema outputSchema();

  /** The packet-function type id; {@code java.function.v0} for functions written in Java. */
  default String typeId() {
    return JavaFunctionExecutor.JAVA_FUNCTION_TYPE_ID;
  }

  /**
   * A fingerprint of the function body, {@code sha256:<hex>} of the method's bytecode (or of its
   * class file when the method cannot be isolated), or {@code unknown}. Recorded with every result
   * so that a changed body is noticed even when the version was not bumped; never part of the uri.
   */
  String bytecodeFingerprint();

  /**
   * Runs the function body on the caller's thread, bypassing any executor.
   *
   * @param inputs values by input column name (Java values as in {@link
   *     org.orcapod.schema.ArrowValues})
   * @return values by output column name, or null to drop the packet
   * @throws Exception exactly what the body threw
   */
  @Nullable Map<String, @Nullable Object> directCall(Map<String, @Nullable Object> inputs)
      throws Exception;

  /**
   * Runs the function: through {@link #executor()}'s {@code executeCallable} with {@code logger}
   * when an executor is set, else directly (warning once if a real logger was passed).
   */
  @Nullable Map<String, @Nullable Object> call(
      Map<String, @Nullable Object> inputs, PacketLogger logger) throws Exception;

  /** The executor calls go through, or null for direct calls. */
  @Nullable JavaFunctionExecutor executor();

  /**
   * Sets or clears the executor.
   *
   * @throws org.orcapod.execution.IncompatibleExecutorException if it cannot run this function's
   *     type
   */
  void setExecutor(@Nullable PacketFunctionExecutor executor);

  /**
   * This function in a form a remote executor (Ray) can send to another JVM and rebuild there, or
   * empty when it can only run in this JVM (for example a lambda that is not Serializable).
   */
  default Optional<RemoteFunction> remoteFunction() {
    return Optional.empty();
  }

  /** The major version parsed from {@link #version()}. */
  default int majorVersion() {
    return parseMajorVersion(canonicalName(), version());
  }

  /** The uri {@code (name, output-schema hash, v<major>, type id)} under {@code hasher}. */
  default FunctionUri uri(SemanticHasher hasher) {
    return new FunctionUri(
        canonicalName(),
        hasher.hash(outputSchema().identityStructure()).toString(),
        "v" + majorVersion(),
        typeId());
  }

  /**
   * The major version of {@code version} as Python orcapod parses it ({@code \D*(\d+)\.(.*)}:
   * {@code v1.2} → 1, {@code 0.5.2} → 0).
   *
   * @throws IllegalArgumentException naming the function when there is no {@code major.minor}
   */
  static int parseMajorVersion(String function, String version) {
    Matcher m = Pattern.compile("\\D*(\\d+)\\.(.*)", Pattern.DOTALL).matcher(version);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "[Orcapod/InvalidVersion] function '"
              + function
              + "' has version '"
              + version
              + "', which has no 'major.minor' number; use e.g. 'v1.0'");
    }
    return Integer.parseInt(m.group(1));
  }
}
