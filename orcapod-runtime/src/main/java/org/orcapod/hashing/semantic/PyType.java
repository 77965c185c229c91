package org.orcapod.hashing.semantic;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A Python type used as a value in an identity structure, such as the types of a schema ({@code
 * {"x": int}}). Java classes map to Python types through {@link #of(Class)}; the table is in
 * docs/hashing.md.
 *
 * <p>Python orcapod hashes a class as the string {@code "type:<module>.<qualname>"}, a generic
 * alias such as {@code list[int]} as {@code {"__type__":"generic_alias","origin":...,"args":[...]}}
 * and a union such as {@code int | None} as {@code {"__type__":"union","args":[...]}} with the
 * argument hashes sorted.
 */
public sealed interface PyType {
  /** {@code builtins.int}: Java {@code byte, short, int, long} (boxed or not) and BigInteger. */
  Named INT = new Named("builtins.int");

  /** {@code builtins.float}: Java {@code float} and {@code double}. */
  Named FLOAT = new Named("builtins.float");

  /** {@code builtins.str}: Java String and {@code char}. */
  Named STR = new Named("builtins.str");

  /** {@code builtins.bool}: Java {@code boolean}. */
  Named BOOL = new Named("builtins.bool");

  /** {@code builtins.bytes}: Java {@code byte[]}. */
  Named BYTES = new Named("builtins.bytes");

  /** {@code builtins.NoneType}: Java {@code void}/{@code Void}. */
  Named NONE = new Named("builtins.NoneType");

  /** {@code builtins.list}: any Java {@link List}. */
  Named LIST = new Named("builtins.list");

  /** {@code builtins.dict}: any Java {@link Map}. */
  Named DICT = new Named("builtins.dict");

  /** {@code builtins.set}: any Java {@link Set}. */
  Named SET = new Named("builtins.set");

  /** {@code builtins.frozenset}: no Java class maps to it; use the constant. */
  Named FROZENSET = new Named("builtins.frozenset");

  /** {@code builtins.tuple}: {@link PyTuple}. */
  Named TUPLE = new Named("builtins.tuple");

  /** {@code builtins.object}: {@link Object}. */
  Named OBJECT = new Named("builtins.object");

  /** {@code pathlib.Path}: {@link Path}. */
  Named PATH = new Named("pathlib.Path");

  /** {@code uuid.UUID}: {@link UUID}. */
  Named UUID_TYPE = new Named("uuid.UUID");

  /**
   * A class by its Python qualified name, hashed as {@code "type:" + qualifiedName}.
   *
   * @param qualifiedName {@code module.qualname}, e.g. {@code builtins.int} or {@code pathlib.Path}
   */
  record Named(String qualifiedName) implements PyType {
    public Named {
      Objects.requireNonNull(qualifiedName, "qualifiedName");
      if (qualifiedName.isEmpty()) {
        throw new IllegalArgumentException("a Python type name must not be empty");
      }
    }

    /** The string Python orcapod hashes for this class, {@code type:module.qualname}. */
    public String token() {
      return "type:" + qualifiedName;
    }
  }

  /**
   * A parameterised type such as {@code list[int]} or {@code dict[str, float]}.
   *
   * @param origin the unparameterised type ({@code list})
   * @param args the type arguments in order
   */
  record Generic(PyType origin, List<PyType> args) implements PyType {
    public Generic {
      Objects.requireNonNull(origin, "origin");
      args = List.copyOf(args);
    }
  }

  /**
   * A union such as {@code int | None}; argument order does not change the hash.
   *
   * @param args at least two distinct alternatives, no nested unions
   */
  record Union(List<PyType> args) implements PyType {
    public Union {
      args = List.copyOf(args);
      if (args.size() < 2) {
        throw new IllegalArgumentException(
            "a union needs at least two distinct types; use PyType.union(...) to normalise");
      }
    }
  }

  /** A class by its Python qualified name, e.g. {@code named("numpy.ndarray")}. */
  static Named named(String qualifiedName) {
    return new Named(qualifiedName);
  }

  /** {@code list[element]}. */
  static Generic list(PyType element) {
    return new Generic(LIST, List.of(element));
  }

  /** {@code set[element]}. */
  static Generic set(PyType element) {
    return new Generic(SET, List.of(element));
  }

  /** {@code dict[key, value]}. */
  static Generic dict(PyType key, PyType value) {
    return new Generic(DICT, List.of(key, value));
  }

  /** {@code tuple[a, b, ...]}. */
  static Generic tuple(PyType... items) {
    return new Generic(TUPLE, List.of(items));
  }

  /** {@code type | None}, the same as Python's {@code Optional[type]}. */
  static PyType optional(PyType type) {
    return union(type, NONE);
  }

  /**
   * A union normalised as Python normalises {@code typing.Union}: nested unions flattened,
   * duplicates dropped, and a single remaining type returned as itself.
   */
  static PyType union(PyType... alternatives) {
    LinkedHashSet<PyType> flat = new LinkedHashSet<>();
    for (PyType t : alternatives) {
      if (t instanceof Union u) {
        flat.addAll(u.args());
      } else {
        flat.add(Objects.requireNonNull(t, "union alternative"));
      }
    }
    if (flat.isEmpty()) {
      throw new IllegalArgumentException("a union needs at least one type");
    }
    return flat.size() == 1 ? flat.iterator().next() : new Union(new ArrayList<>(flat));
  }

  /**
   * The Python type of values of a Java class, as the semantic hasher maps values.
   *
   * @throws UnhashableValueException if the class has no Python counterpart
   */
  static Named of(Class<?> type) {
    Named named = ofOrNull(type);
    if (named == null) {
      throw new UnhashableValueException(
          "$",
          type,
          "the Java class "
              + type.getName()
              + " has no Python type token; use PyType.named(\"module.qualname\") for a Python"
              + " class, or one of the mapped classes listed in docs/hashing.md");
    }
    return named;
  }

  private static Named ofOrNull(Class<?> t) {
    if (t == long.class
        || t == Long.class
        || t == int.class
        || t == Integer.class
        || t == short.class
        || t == Short.class
        || t == byte.class
        || t == Byte.class
        || t == BigInteger.class) {
      return INT;
    }
    if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
      return FLOAT;
    }
    if (t == String.class || t == char.class || t == Character.class) {
      return STR;
    }
    if (t == boolean.class || t == Boolean.class) {
      return BOOL;
    }
    if (t == byte[].class) {
      return BYTES;
    }
    if (t == void.class || t == Void.class) {
      return NONE;
    }
    if (t == PyTuple.class) {
      return TUPLE;
    }
    if (t == Object.class) {
      return OBJECT;
    }
    if (t == UUID.class) {
      return UUID_TYPE;
    }
    if (Path.class.isAssignableFrom(t)) {
      return PATH;
    }
    if (List.class.isAssignableFrom(t)) {
      return LIST;
    }
    if (Map.class.isAssignableFrom(t)) {
      return DICT;
    }
    if (Set.class.isAssignableFrom(t)) {
      return SET;
    }
    return null;
  }
}
