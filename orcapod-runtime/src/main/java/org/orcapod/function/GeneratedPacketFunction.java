package org.orcapod.function;

import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.jspecify.annotations.Nullable;
import org.orcapod.execution.RemoteFunction;
import org.orcapod.schema.Schema;

/**
 * The base of every pod the annotation processor generates: it holds the identity, the schemas, the
 * lazily read bytecode fingerprint and the checked column access, so a generated class holds only
 * its constants and the code that calls the user's method.
 */
public abstract class GeneratedPacketFunction extends AbstractPacketFunction {
  private final String canonicalName;
  private final String version;
  private final Schema inputSchema;
  private final Schema outputSchema;
  private final Class<?> owner;
  private final String methodName;
  private final List<Class<?>> parameterTypes;
  private volatile @Nullable String fingerprint;

  /**
   * @param owner the class declaring the user's method
   * @param methodName the method's name
   * @param parameterTypes the method's erased parameter types (to find its bytecode)
   */
  protected GeneratedPacketFunction(
      String canonicalName,
      String version,
      Schema inputSchema,
      Schema outputSchema,
      Class<?> owner,
      String methodName,
      Class<?>... parameterTypes) {
    this.canonicalName = canonicalName;
    this.version = version;
    this.inputSchema = inputSchema;
    this.outputSchema = outputSchema;
    this.owner = owner;
    this.methodName = methodName;
    this.parameterTypes = List.of(parameterTypes);
  }

  @Override
  public final String canonicalName() {
    return canonicalName;
  }

  @Override
  public final String version() {
    return version;
  }

  @Override
  public final Schema inputSchema() {
    return inputSchema;
  }

  @Override
  public final Schema outputSchema() {
    return outputSchema;
  }

  /** The fingerprint of the user's method's bytecode, as the reflective path records it. */
  @Override
  public final String bytecodeFingerprint() {
    String f = fingerprint;
    if (f == null) {
      // Read once, off the hot path: the method's bytecode, not a call through it.
      try {
        f =
            BytecodeFingerprint.ofMethod(
                owner.getDeclaredMethod(methodName, parameterTypes.toArray(new Class<?>[0])));
      } catch (NoSuchMethodException e) {
        f = BytecodeFingerprint.UNKNOWN;
      }
      fingerprint = f;
    }
    return f;
  }

  /** The pod's class, which a remote JVM instantiates by name (its no-argument constructor). */
  @Override
  public Optional<RemoteFunction> remoteFunction() {
    return FunctionReference.ofGeneratedPod(this).map(RemoteFunction.class::cast);
  }

  /**
   * The input column {@code name} as a {@code type} vector.
   *
   * @throws IllegalArgumentException ({@code [Orcapod/InputSchemaMismatch]}) naming the pod, the
   *     column, the expected and the actual type when the input does not have it
   */
  protected final <V extends FieldVector> V column(
      VectorSchemaRoot input, String name, Class<V> type) {
    FieldVector vector = input.getVector(name);
    if (!type.isInstance(vector)) {
      throw new IllegalArgumentException(
          "[Orcapod/InputSchemaMismatch] "
              + canonicalName
              + " reads column '"
              + name
              + "' as "
              + inputSchema.require(name)
              + ", but the input has "
              + (vector == null ? "no such column" : vector.getField().toString())
              + "; give it rows of INPUT_SCHEMA");
    }
    return type.cast(vector);
  }
}
