package org.orcapod.context;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.orcapod.hashing.ArrowHasher;
import org.orcapod.hashing.FileHasher;
import org.orcapod.hashing.SemanticHasher;

/**
 * A versioned set of hashing components, such as {@code std:v0.1:default}: which file, Arrow and
 * semantic hasher (and with which method ids) produce the hashes stored under this context.
 *
 * <p>The components are described by a JSON resource (class names and constructor arguments) and
 * built on first use, so a context can name a component whose class a given program never needs. A
 * component whose declared {@code hasher_id} differs from the id the built object reports is
 * rejected, so an algorithm change cannot silently reuse a pinned id. Thread-safe.
 */
public final class DataContext {
  /** The key of the default context, shared with Python orcapod. */
  public static final String DEFAULT_KEY = "std:v0.1:default";

  private final ContextSpec spec;
  private final Map<String, Object> built = new HashMap<>();
  private final Set<String> building = new HashSet<>();

  DataContext(ContextSpec spec) {
    this.spec = spec;
  }

  /** The context for a full key ({@code std:v0.1:default}), a version ({@code v0.1}) or latest. */
  public static DataContext get(String keyOrVersion) {
    return DataContextRegistry.standard().get(keyOrVersion);
  }

  /** The default context, {@code std:v0.1:default}. */
  public static DataContext defaultContext() {
    return DataContextRegistry.standard().defaultContext();
  }

  /** The full key, e.g. {@code std:v0.1:default}. */
  public String contextKey() {
    return spec.contextKey();
  }

  /** The version, e.g. {@code v0.1}. */
  public String version() {
    return spec.version();
  }

  /** A human description of what this context pins. */
  public String description() {
    return spec.description();
  }

  /** The names of the components this context describes, in declaration order. */
  public List<String> componentNames() {
    return List.copyOf(spec.components().keySet());
  }

  /** The semantic hasher ({@code semantic_v0.1} in {@code std:v0.1}). */
  public SemanticHasher semanticHasher() {
    return component("semantic_hasher", SemanticHasher.class);
  }

  /** The file hasher ({@code sha256} in {@code std:v0.1}). */
  public FileHasher fileHasher() {
    return component("file_hasher", FileHasher.class);
  }

  /** The Arrow table hasher ({@code arrow_v0.1} in {@code std:v0.1}). */
  public ArrowHasher arrowHasher() {
    return component("arrow_hasher", ArrowHasher.class);
  }

  /**
   * The component {@code name}, built on first request and shared afterwards.
   *
   * @throws DataContextConfigurationException if it is not described, cannot be built, or is not a
   *     {@code type}
   */
  public synchronized <T> T component(String name, Class<T> type) {
    Object value = build(name);
    if (!type.isInstance(value)) {
      throw new DataContextConfigurationException(
          where(name)
              + "is a "
              + value.getClass().getName()
              + ", which is not a "
              + type.getName());
    }
    return type.cast(value);
  }

  @Override
  public String toString() {
    return "DataContext[" + spec.contextKey() + "]";
  }

  private String where(String component) {
    return "data context " + spec.contextKey() + ": component '" + component + "' ";
  }

  private Object build(String name) {
    Object existing = built.get(name);
    if (existing != null) {
      return existing;
    }
    JsonNode node = spec.components().get(name);
    if (node == null) {
      throw new DataContextConfigurationException(
          "data context "
              + spec.contextKey()
              + " has no component '"
              + name
              + "'; it has "
              + spec.components().keySet());
    }
    if (!building.add(name)) {
      throw new DataContextConfigurationException(
          where(name) + "refers to itself through '_ref'; use '_lazy_ref' to break the cycle");
    }
    try {
      Object value = instantiate(name, node);
      checkHasherId(name, node, value);
      built.put(name, value);
      return value;
    } finally {
      building.remove(name);
    }
  }

  private void checkHasherId(String name, JsonNode node, Object value) {
    JsonNode declared = node.get("hasher_id");
    if (declared == null) {
      return;
    }
    String actual = null;
    if (value instanceof SemanticHasher h) {
      actual = h.hasherId();
    } else if (value instanceof FileHasher h) {
      actual = h.hasherId();
    } else if (value instanceof ArrowHasher h) {
      actual = h.hasherId();
    }
    if (actual == null || !actual.equals(declared.asText())) {
      throw new DataContextConfigurationException(
          where(name)
              + "pins hasher_id '"
              + declared.asText()
              + "' but "
              + value.getClass().getName()
              + " reports '"
              + actual
              + "'; hashes stored under this context would change meaning");
    }
  }

  private Object instantiate(String name, JsonNode node) {
    String className = node.path("_class").asText();
    Class<?> type;
    try {
      type = Class.forName(className, true, DataContext.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new DataContextConfigurationException(
          where(name) + "names class " + className + ", which is not on the class path", e);
    }
    List<@Nullable Object> args = new ArrayList<>();
    JsonNode argNodes = node.path("_args");
    for (JsonNode arg : argNodes) {
      args.add(argument(name, arg));
    }
    Constructor<?> match = null;
    for (Constructor<?> c : type.getConstructors()) {
      if (accepts(c.getParameterTypes(), args)) {
        if (match != null) {
          throw new DataContextConfigurationException(
              where(name) + "matches more than one public constructor of " + className);
        }
        match = c;
      }
    }
    if (match == null || Modifier.isAbstract(type.getModifiers())) {
      throw new DataContextConfigurationException(
          where(name)
              + "has no public constructor of "
              + className
              + " taking "
              + describe(args)
              + "; the class has "
              + List.of(type.getConstructors()));
    }
    try {
      return match.newInstance(convert(match.getParameterTypes(), args));
    } catch (InvocationTargetException e) {
      throw new DataContextConfigurationException(
          where(name) + "could not be built: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new DataContextConfigurationException(where(name) + "could not be built: " + e, e);
    }
  }

  private @Nullable Object argument(String name, JsonNode arg) {
    if (arg.isNull()) {
      return null;
    }
    if (arg.isTextual()) {
      return arg.asText();
    }
    if (arg.isBoolean()) {
      return arg.asBoolean();
    }
    if (arg.isIntegralNumber()) {
      return arg.asLong();
    }
    if (arg.isNumber()) {
      return arg.asDouble();
    }
    if (arg.isObject() && arg.has("_ref")) {
      return build(arg.get("_ref").asText());
    }
    if (arg.isObject() && arg.has("_lazy_ref")) {
      String target = arg.get("_lazy_ref").asText();
      if (!spec.components().containsKey(target)) {
        throw new DataContextConfigurationException(
            where(name) + "has a '_lazy_ref' to unknown component '" + target + "'");
      }
      return (Supplier<Object>) () -> component(target, Object.class);
    }
    if (arg.isObject() && arg.has("_class")) {
      return instantiate(name, arg);
    }
    throw new DataContextConfigurationException(
        where(name)
            + "has an argument "
            + arg
            + " that is neither a JSON scalar, {\"_ref\":...}, {\"_lazy_ref\":...} nor"
            + " {\"_class\":...}");
  }

  private static boolean accepts(Class<?>[] params, List<@Nullable Object> args) {
    if (params.length != args.size()) {
      return false;
    }
    for (int i = 0; i < params.length; i++) {
      Class<?> p = params[i];
      Object a = args.get(i);
      boolean ok;
      if (a == null) {
        ok = !p.isPrimitive();
      } else if (a instanceof Long) {
        ok =
            p == long.class
                || p == Long.class
                || p == int.class
                || p == Integer.class
                || p == Object.class;
      } else if (a instanceof Double) {
        ok = p == double.class || p == Double.class || p == Object.class;
      } else if (a instanceof Boolean) {
        ok = p == boolean.class || p == Boolean.class || p == Object.class;
      } else {
        ok = p.isInstance(a);
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable Object[] convert(Class<?>[] params, List<@Nullable Object> args) {
    @Nullable Object[] out = new Object[args.size()];
    for (int i = 0; i < out.length; i++) {
      Object a = args.get(i);
      out[i] =
          (a instanceof Long l && (params[i] == int.class || params[i] == Integer.class))
              ? (Object) Math.toIntExact(l)
              : a;
    }
    return out;
  }

  private static String describe(List<@Nullable Object> args) {
    List<String> types = new ArrayList<>();
    for (Object a : args) {
      types.add(a == null ? "null" : a instanceof Supplier ? "Supplier" : a.getClass().getName());
    }
    return "(" + String.join(", ", types) + ")";
  }
}
