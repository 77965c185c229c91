package org.orcapod.function;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;
import org.orcapod.schema.Schema;
import org.orcapod.schema.TypeMapping;

/**
 * A packet function built at run time: from a Java method by reflection ({@link #ofMethod}), or
 * from a lambda over named values with explicit schemas ({@link #ofLambda}).
 *
 * <p>Output values follow Python orcapod's {@code parse_function_outputs}: with one output column
 * the returned value is that column's value; with several, the method returns a record whose
 * components fill the output columns in order (or, for a lambda, a map keyed by column name).
 */
public final class JavaPacketFunction extends AbstractPacketFunction {
  /** The body of a lambda packet function: named input values to named output values. */
  @FunctionalInterface
  public interface Body {
    /** Computes the outputs (keys = output column names), or null to drop the packet. */
    @Nullable Map<String, @Nullable Object> apply(Map<String, @Nullable Object> inputs)
        throws Exception;
  }

  private final String name;
  private final String version;
  private final Schema inputSchema;
  private final Schema outputSchema;
  private final String fingerprint;
  private final Body body;
  private final @Nullable Body serializableBody;
  private final @Nullable FunctionReference reference;
  private volatile @Nullable FunctionReference serializedReference;

  private JavaPacketFunction(
      String name,
      String version,
      Schema inputSchema,
      Schema outputSchema,
      String fingerprint,
      Body body,
      @Nullable Body serializableBody,
      @Nullable FunctionReference reference) {
    this.name = Objects.requireNonNull(name, "name");
    this.version = Objects.requireNonNull(version, "version");
    this.inputSchema = Objects.requireNonNull(inputSchema, "inputSchema");
    this.outputSchema = Objects.requireNonNull(outputSchema, "outputSchema");
    this.fingerprint = fingerprint;
    this.body = body;
    this.serializableBody = serializableBody;
    this.reference = reference;
    PacketFunction.parseMajorVersion(name, version); // fail at construction, not on first hash
  }

  /**
   * A function that calls {@code body} with explicit schemas; its fingerprint is that of the class
   * that declared the lambda. A body that is {@code Serializable} (a lambda cast to {@code Body &
   * Serializable}) can also run on a remote executor such as Ray; any other cannot.
   */
  public static JavaPacketFunction ofLambda(
      String name, String version, Schema inputSchema, Schema outputSchema, Body body) {
    return new JavaPacketFunction(
        name,
        version,
        inputSchema,
        outputSchema,
        BytecodeFingerprint.ofFunctionObject(body),
        checked(name, outputSchema, body),
        body instanceof java.io.Serializable ? body : null,
        null);
  }

  /**
   * A function that calls {@code method} (static when {@code target} is null). Input columns are
   * the parameters, named by their names (compile with {@code -parameters}) or by {@code
   * inputNames}; output columns are {@code outputNames}, typed by the return type (a record type
   * when there are several).
   *
   * <p>As in the DSL, a parameter, or the result of a one-output function, is a nullable column
   * when it is typed {@code Optional<T>} or annotated {@code @Nullable} (JSpecify's, or any
   * annotation of that simple name, on the type or the element, that has RUNTIME retention: one
   * with CLASS retention is invisible to reflection). With several outputs the method returns a
   * record, or an {@code Optional} of one; a null record or an empty {@code Optional} drops the
   * packet, and a null single result is a null cell.
   *
   * @param name the canonical name, or null for the method's name
   * @param inputNames the input column names in parameter order, or null to use parameter names
   * @throws IllegalArgumentException naming the method when names are missing or types do not map
   */
  public static JavaPacketFunction ofMethod(
      Method method,
      @Nullable Object target,
      @Nullable String name,
      String version,
      @Nullable List<String> inputNames,
      List<String> outputNames) {
    String fn = name == null ? method.getName() : name;
    boolean isStatic = Modifier.isStatic(method.getModifiers());
    if (!isStatic && target == null) {
      throw new IllegalArgumentException(
          "[Orcapod/MissingTarget] method '"
              + method
              + "' is not static; pass the object to call it on");
    }
    Parameter[] params = method.getParameters();
    List<String> inNames = new ArrayList<>();
    if (inputNames != null) {
      if (inputNames.size() != params.length) {
        throw new IllegalArgumentException(
            "[Orcapod/InputNames] function '"
                + fn
                + "' has "
                + params.length
                + " parameters but "
                + inputNames.size()
                + " input names were given: "
                + inputNames);
      }
      inNames.addAll(inputNames);
    } else {
      for (Parameter p : params) {
        if (!p.isNamePresent()) {
          throw new IllegalArgumentException(
              "[Orcapod/InputNames] the parameter names of '"
                  + method
                  + "' were not compiled in; compile with -parameters or pass inputNames");
        }
        inNames.add(p.getName());
      }
    }
    List<Field> inFields = new ArrayList<>();
    for (int i = 0; i < params.length; i++) {
      Type t = params[i].getParameterizedType();
      boolean nullable =
          isOptional(t) || hasNullable(params[i]) || hasNullable(params[i].getAnnotatedType());
      inFields.add(TypeMapping.arrowField(inNames.get(i), t, nullable));
    }
    Type ret = method.getGenericReturnType();
    boolean optionalResult = isOptional(ret);
    List<Field> outFields = new ArrayList<>();
    List<RecordComponent> components = List.of();
    if (outputNames.isEmpty()) {
      throw new IllegalArgumentException(
          "[Orcapod/OutputNames] function '" + fn + "' needs at least one output column name");
    } else if (outputNames.size() == 1) {
      boolean nullable =
          optionalResult || hasNullable(method) || hasNullable(method.getAnnotatedReturnType());
      outFields.add(TypeMapping.arrowField(outputNames.get(0), ret, nullable));
    } else {
      // A record, or an Optional of one whose emptiness drops the packet (as a null record does).
      Class<?> rc = optionalResult ? optionalArgument(ret) : method.getReturnType();
      if (rc == null || !rc.isRecord() || rc.getRecordComponents().length != outputNames.size()) {
        throw new IllegalArgumentException(
            "[Orcapod/OutputNames] function '"
                + fn
                + "' declares "
                + outputNames.size()
                + " outputs "
                + outputNames
                + "; its method must return a record (or an Optional of one) with that many"
                + " components, in order");
      }
      components = List.of(rc.getRecordComponents());
      for (int i = 0; i < components.size(); i++) {
        RecordComponent c = components.get(i);
        outFields.add(
            TypeMapping.arrowField(
                outputNames.get(i), c.getGenericType(), TypeMapping.isNullable(c)));
      }
    }
    Schema out = Schema.of(outFields);
    List<String> outs = List.copyOf(outputNames);
    List<RecordComponent> comps = components;
    if (!method.canAccess(isStatic ? null : target)) {
      method.setAccessible(true);
    }
    Body body =
        inputs -> {
          Object[] args = new Object[inNames.size()];
          for (int i = 0; i < args.length; i++) {
            Object v = inputs.get(inNames.get(i));
            args[i] = toJava(v, params[i].getParameterizedType());
          }
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
              throw ex;
            }
            if (cause instanceof Error err) {
              throw err;
            }
            throw e;
          }
          Map<String, @Nullable Object> values = new LinkedHashMap<>();
          if (outs.size() == 1) {
            values.put(outs.get(0), unwrap(result));
          } else {
            Object row = unwrap(result);
            if (row == null) {
              return null; // a null record or an empty Optional drops the packet
            }
            for (int i = 0; i < comps.size(); i++) {
              values.put(outs.get(i), unwrap(comps.get(i).getAccessor().invoke(row)));
            }
          }
          return values;
        };
    String fingerprint = BytecodeFingerprint.ofMethod(method);
    FunctionReference reference =
        isStatic
            ? FunctionReference.StaticMethod.of(
                method, fn, version, inputNames, outputNames, fingerprint)
            : null;
    return new JavaPacketFunction(
        fn,
        version,
        Schema.of(inFields),
        out,
        fingerprint,
        checked(fn, out, body),
        null,
        reference);
  }

  /**
   * A column value as the parameter type {@code type} takes it: struct values (maps) become
   * records, also inside lists and {@code Optional}s, as generated pods convert them.
   */
  private static @Nullable Object toJava(@Nullable Object value, Type type) {
    if (type instanceof ParameterizedType p) {
      Type raw = p.getRawType();
      Type arg = p.getActualTypeArguments()[0];
      if (raw == Optional.class) {
        return Optional.ofNullable(toJava(value, arg));
      }
      if (value instanceof List<?> list
          && raw instanceof Class<?> c
          && List.class.isAssignableFrom(c)) {
        List<@Nullable Object> out = new ArrayList<>(list.size());
        for (Object item : list) {
          out.add(toJava(item, arg));
        }
        return out;
      }
      return value;
    }
    if (value instanceof Map<?, ?> struct && type instanceof Class<?> c && c.isRecord()) {
      RecordComponent[] components = c.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = toJava(struct.get(components[i].getName()), components[i].getGenericType());
      }
      try {
        var constructor = c.getDeclaredConstructor(types);
        constructor.trySetAccessible();
        return constructor.newInstance(values);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(
            "[Orcapod/RecordConversion] cannot build record " + c.getName() + " from " + struct, e);
      }
    }
    return value;
  }

  /**
   * Whether {@code element} carries an annotation named {@code Nullable} (JSpecify's, or any other
   * package's) that is visible by reflection: one with RUNTIME retention, as JSpecify's is. An
   * annotation with CLASS or SOURCE retention cannot be seen here and leaves the column non-null.
   */
  private static boolean hasNullable(AnnotatedElement element) {
    for (Annotation a : element.getAnnotations()) {
      if (a.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    return false;
  }

  /** The class {@code T} of {@code Optional<T>}, or null when it is not a class. */
  private static @Nullable Class<?> optionalArgument(Type optional) {
    Type arg = ((ParameterizedType) optional).getActualTypeArguments()[0];
    return arg instanceof Class<?> c ? c : null;
  }

  private static boolean isOptional(Type t) {
    return t instanceof ParameterizedType p && p.getRawType() == Optional.class;
  }

  private static @Nullable Object unwrap(@Nullable Object v) {
    return v instanceof Optional<?> o ? o.orElse(null) : v;
  }

  /** Wraps {@code body} so that a result with missing or extra columns fails clearly. */
  private static Body checked(String name, Schema out, Body body) {
    List<String> names = out.names();
    return inputs -> {
      Map<String, @Nullable Object> r = body.apply(inputs);
      if (r == null) {
        return null;
      }
      if (!r.keySet().containsAll(names) || r.size() != names.size()) {
        throw new FunctionOutputException(
            name,
            "returned columns "
                + r.keySet()
                + " but its output schema has "
                + names
                + "; return exactly the declared output columns");
      }
      return r;
    };
  }

  @Override
  public String canonicalName() {
    return name;
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public Schema inputSchema() {
    return inputSchema;
  }

  @Override
  public Schema outputSchema() {
    return outputSchema;
  }

  @Override
  public String bytecodeFingerprint() {
    return fingerprint;
  }

  /**
   * A static method rebuilds by class and method name; a Serializable lambda body travels
   * serialized once; an instance method or a lambda that is not Serializable cannot run remotely.
   *
   * @throws java.io.UncheckedIOException ({@code [Orcapod/NotRemotable]}) if the body is
   *     Serializable but captures a value that is not
   */
  @Override
  public Optional<org.orcapod.execution.RemoteFunction> remoteFunction() {
    if (reference != null) {
      return Optional.of(reference);
    }
    Body b = serializableBody;
    if (b == null) {
      return Optional.empty();
    }
    FunctionReference r = serializedReference;
    if (r == null) {
      r =
          FunctionReference.SerializedBody.of(
              b, name, version, inputSchema, outputSchema, fingerprint);
      serializedReference = r;
    }
    return Optional.of(r);
  }

  @Override
  public @Nullable Map<String, @Nullable Object> directCall(Map<String, @Nullable Object> inputs)
      throws Exception {
    return body.apply(inputs);
  }
}
