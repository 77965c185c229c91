package org.orcapod.schema;

import java.util.ArrayList;
import java.util.List;
import org.orcapod.hashing.ContentHash;
import org.orcapod.hashing.SemanticHasher;
import org.orcapod.hashing.semantic.PyType;

/**
 * The Python type that Python orcapod derives from an Arrow type, as it appears inside schema
 * hashes: plain classes ({@code int}, {@code pathlib.Path}, generated struct classes), generics
 * ({@code list[int]}, {@code dict[str, int]}) and unions ({@code int | None}).
 *
 * <p>In identity structures a type appears as the semantic hasher's {@link PyType} ({@link
 * #toPyType()}), which hashes as Python orcapod hashes the type object: a class as the string
 * {@code type:<module>.<qualname>}, a generic as a {@code generic_alias} object of hash tokens, a
 * union as a {@code union} object with sorted argument tokens. This type adds what the data model
 * needs beyond hashing: display names, Python's {@code __name__}, and {@code T | None}.
 */
public sealed interface PythonType permits PythonType.Named, PythonType.Generic, PythonType.Union {

  /** {@code int}. */
  Named INT = new Named("builtins", "int");

  /** {@code float}. */
  Named FLOAT = new Named("builtins", "float");

  /** {@code str}. */
  Named STR = new Named("builtins", "str");

  /** {@code bool}. */
  Named BOOL = new Named("builtins", "bool");

  /** {@code bytes}. */
  Named BYTES = new Named("builtins", "bytes");

  /** {@code NoneType}, the second member of {@code T | None}. */
  Named NONE = new Named("builtins", "NoneType");

  /** {@code list}, the origin of {@code list[T]}. */
  Named LIST = new Named("builtins", "list");

  /** {@code dict}, the origin of {@code dict[K, V]}. */
  Named DICT = new Named("builtins", "dict");

  /** {@code tuple}, the origin of {@code tuple[A, B]}. */
  Named TUPLE = new Named("builtins", "tuple");

  /** {@code pathlib.Path}, orcapod's Path semantic type (hashed by file content). */
  Named PATH = new Named("pathlib", "Path");

  /** {@code typing.Any}: what Python orcapod reports for Arrow types it does not map. */
  Named ANY = new Named("typing", "Any");

  /** A short display form such as {@code int}, {@code list[int]} or {@code int | None}. */
  String displayName();

  /** The name Python gives the type's {@code __name__} (used in generated struct names). */
  String pythonName();

  /** The semantic hasher's value for this type, for identity structures. */
  PyType toPyType();

  /** This type's hash under {@code hasher}, equal to Python's hash of the type object. */
  default ContentHash contentHash(SemanticHasher hasher) {
    return hasher.hash(toPyType());
  }

  /** This type, or {@code this | None} when {@code nullable} (never for {@code Any}). */
  default PythonType orNone(boolean nullable) {
    if (!nullable || this.equals(ANY)) {
      return this;
    }
    return new Union(List.of(this, NONE));
  }

  /** A class, hashed as {@code type:<module>.<qualname>}. */
  record Named(String module, String qualname) implements PythonType {
    /** The token string this class is hashed as. */
    public String token() {
      return "type:" + module + "." + qualname;
    }

    @Override
    public String displayName() {
      return module.equals("builtins")
          ? (qualname.equals("NoneType") ? "None" : qualname)
          : module + "." + qualname;
    }

    @Override
    public String pythonName() {
      return qualname;
    }

    @Override
    public PyType toPyType() {
      return PyType.named(module + "." + qualname);
    }
  }

  /** A parameterised generic such as {@code list[int]}. */
  record Generic(Named origin, List<PythonType> args) implements PythonType {
    /** Copies the arguments. */
    public Generic {
      args = List.copyOf(args);
    }

    @Override
    public String displayName() {
      List<String> parts = new ArrayList<>();
      for (PythonType a : args) {
        parts.add(a.displayName());
      }
      return origin.qualname() + "[" + String.join(", ", parts) + "]";
    }

    @Override
    public String pythonName() {
      return origin.qualname();
    }

    @Override
    public PyType toPyType() {
      List<PyType> out = new ArrayList<>();
      for (PythonType a : args) {
        out.add(a.toPyType());
      }
      return new PyType.Generic(origin.toPyType(), out);
    }
  }

  /** A union such as {@code int | None}. */
  record Union(List<PythonType> args) implements PythonType {
    /** Copies the arguments. */
    public Union {
      args = List.copyOf(args);
    }

    @Override
    public String displayName() {
      List<String> parts = new ArrayList<>();
      for (PythonType a : args) {
        parts.add(a.displayName());
      }
      return String.join(" | ", parts);
    }

    @Override
    public String pythonName() {
      // Python's types.UnionType has no __name__; orcapod falls back to str(type).
      return displayName();
    }

    @Override
    public PyType toPyType() {
      List<PyType> out = new ArrayList<>();
      for (PythonType a : args) {
        out.add(a.toPyType());
      }
      return new PyType.Union(out);
    }
  }
}
