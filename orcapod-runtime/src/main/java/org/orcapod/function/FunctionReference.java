package org.orcapod.function;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.orcapod.execution.RemoteFunction;
import org.orcapod.schema.Schema;

/**
 * How a remote JVM rebuilds a Java packet function: a {@link GeneratedPod} by its class name, a
 * {@link StaticMethod} by class, method and parameter types (as {@link JavaPacketFunction#ofMethod}
 * built it), or a {@link SerializedBody} (a lambda made {@code Serializable}, as {@link
 * JavaPacketFunction#ofLambda} built it). Each carries the function's name, version and bytecode
 * fingerprint, and {@link #resolve} refuses code whose identity differs.
 */
public sealed interface FunctionReference extends RemoteFunction {

  /** The version the driver's function has. */
  String version();

  /** The bytecode fingerprint the driver's function has. */
  String fingerprint();

  /** Rebuilds the packet function in this JVM and checks its identity. */
  PacketFunction rebuild() throws Exception;

  @Override
  default RemoteFunction.Body resolve() throws Exception {
    PacketFunction fn = rebuild();
    verify(fn);
    return new RemoteFunction.Body() {
      @Override
      public Schema outputSchema() {
        return fn.outputSchema();
      }

      @Override
      public @Nullable Map<String, @Nullable Object> call(Map<String, @Nullable Object> inputs)
          throws Exception {
        return fn.directCall(inputs);
      }
    };
  }

  private void verify(PacketFunction fn) {
    if (!fn.canonicalName().equals(canonicalName())
        || !fn.version().equals(version())
        || !fn.bytecodeFingerprint().equals(fingerprint())) {
      throw new IllegalStateException(
          "[Orcapod/RemoteFunctionMismatch] the driver sent function '"
              + canonicalName()
              + "' "
              + version()
              + " with bytecode "
              + fingerprint()
              + ", but this JVM rebuilt '"
              + fn.canonicalName()
              + "' "
              + fn.version()
              + " with bytecode "
              + fn.bytecodeFingerprint()
              + " from "
              + this
              + ". The worker loads other classes than the driver: make its code search path hold"
              + " the driver's current jars and classes.");
    }
  }

  /**
   * The reference of a generated pod (a public class with a public no-argument constructor), or
   * empty when the class cannot be rebuilt by name.
   */
  static Optional<FunctionReference> ofGeneratedPod(GeneratedPacketFunction pod) {
    Class<?> c = pod.getClass();
    if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
      return Optional.empty();
    }
    try {
      Constructor<?> ctor = c.getConstructor();
      if (!Modifier.isPublic(ctor.getModifiers())) {
        return Optional.empty();
      }
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
    return Optional.of(
        new GeneratedPod(
            c.getName(), pod.canonicalName(), pod.version(), pod.bytecodeFingerprint()));
  }

  /** A generated pod's class; the worker calls its public no-argument constructor. */
  record GeneratedPod(String className, String canonicalName, String version, String fingerprint)
      implements FunctionReference {
    private static final long serialVersionUID = 1L;

    @Override
    public PacketFunction rebuild() throws Exception {
      Class<?> c = load(className);
      Object pod = c.getConstructor().newInstance();
      if (!(pod instanceof PacketFunction fn)) {
        throw new IllegalStateException(
            "[Orcapod/RemoteFunctionMismatch] " + className + " is not a PacketFunction here");
      }
      return fn;
    }
  }

  /** A static method, with the names and version {@link JavaPacketFunction#ofMethod} was given. */
  record StaticMethod(
      String className,
      String methodName,
      List<String> parameterTypes,
      String canonicalName,
      String version,
      @Nullable List<String> inputNames,
      List<String> outputNames,
      String fingerprint)
      implements FunctionReference {
    private static final long serialVersionUID = 1L;

    /** Copies the lists. */
    public StaticMethod {
      parameterTypes = List.copyOf(parameterTypes);
      inputNames = inputNames == null ? null : List.copyOf(inputNames);
      outputNames = List.copyOf(outputNames);
    }

    static StaticMethod of(
        Method method,
        String canonicalName,
        String version,
        @Nullable List<String> inputNames,
        List<String> outputNames,
        String fingerprint) {
      List<String> types = new ArrayList<>();
      for (Class<?> p : method.getParameterTypes()) {
        types.add(p.getName());
      }
      return new StaticMethod(
          method.getDeclaringClass().getName(),
          method.getName(),
          types,
          canonicalName,
          version,
          inputNames,
          outputNames,
          fingerprint);
    }

    @Override
    public PacketFunction rebuild() throws Exception {
      Class<?> owner = load(className);
      Class<?>[] types = new Class<?>[parameterTypes.size()];
      for (int i = 0; i < types.length; i++) {
        types[i] = type(parameterTypes.get(i));
      }
      Method method = owner.getDeclaredMethod(methodName, types);
      return JavaPacketFunction.ofMethod(
          method, null, canonicalName, version, inputNames, outputNames);
    }
  }

  /**
   * A lambda body made {@code Serializable}, Java-serialized once per function (not per packet),
   * with the schemas as Arrow JSON.
   */
  record SerializedBody(
      byte[] body,
      String canonicalName,
      String version,
      String inputSchemaJson,
      String outputSchemaJson,
      String fingerprint)
      implements FunctionReference {
    private static final long serialVersionUID = 1L;

    static SerializedBody of(
        JavaPacketFunction.Body body,
        String canonicalName,
        String version,
        Schema inputSchema,
        Schema outputSchema,
        String fingerprint) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(body);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "[Orcapod/NotRemotable] the body of function '"
                + canonicalName
                + "' is Serializable but could not be serialized (does it capture a value that is"
                + " not?): "
                + e.getMessage(),
            e);
      }
      return new SerializedBody(
          bytes.toByteArray(),
          canonicalName,
          version,
          inputSchema.toArrow().toJson(),
          outputSchema.toArrow().toJson(),
          fingerprint);
    }

    @Override
    public PacketFunction rebuild() throws Exception {
      JavaPacketFunction.Body read;
      try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(body))) {
        read = (JavaPacketFunction.Body) in.readObject();
      }
      return JavaPacketFunction.ofLambda(
          canonicalName,
          version,
          Schema.fromArrow(org.apache.arrow.vector.types.pojo.Schema.fromJSON(inputSchemaJson)),
          Schema.fromArrow(org.apache.arrow.vector.types.pojo.Schema.fromJSON(outputSchemaJson)),
          read);
    }

    @Override
    public String toString() {
      return "SerializedBody[" + canonicalName + " " + version + ", " + body.length + " bytes]";
    }
  }

  private static Class<?> load(String name) throws ClassNotFoundException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return Class.forName(
        name, true, loader == null ? FunctionReference.class.getClassLoader() : loader);
  }

  private static Class<?> type(String name) throws ClassNotFoundException {
    return switch (name) {
      case "boolean" -> boolean.class;
      case "byte" -> byte.class;
      case "short" -> short.class;
      case "char" -> char.class;
      case "int" -> int.class;
      case "long" -> long.class;
      case "float" -> float.class;
      case "double" -> double.class;
      default -> load(name);
    };
  }
}
