package org.orcapod.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;
import org.orcapod.error.DuplicateColumnException;
import org.orcapod.error.IncompatibleTypesException;
import org.orcapod.error.MissingColumnException;
import org.orcapod.hashing.semantic.PyType;

/**
 * An ordered, immutable set of named columns with their Arrow fields (type and explicit
 * nullability) and which of them are optional (may be absent from an incoming packet).
 *
 * <p>Its identity, {@link #identityStructure()}, is the mapping of names to Python types, which
 * hashes as Python orcapod's {@code Schema} does (a plain mapping; optional fields do not enter the
 * hash).
 */
public final class Schema {
  private static final Schema EMPTY = new Schema(List.of(), Set.of());

  private final List<Field> fields;
  private final Map<String, Field> byName;
  private final Set<String> optional;

  private Schema(List<Field> fields, Set<String> optional) {
    Map<String, Field> map = new LinkedHashMap<>();
    for (Field f : fields) {
      if (map.put(f.getName(), f) != null) {
        throw new DuplicateColumnException(
            f.getName(), "a schema cannot hold two columns of one name; rename one of them");
      }
    }
    for (String o : optional) {
      if (!map.containsKey(o)) {
        throw new MissingColumnException("optional field", o, List.copyOf(map.keySet()));
      }
    }
    this.fields = List.copyOf(fields);
    this.byName = Collections.unmodifiableMap(map);
    this.optional = Set.copyOf(optional);
  }

  /** The schema with no columns. */
  public static Schema empty() {
    return EMPTY;
  }

  /** A schema of these Arrow fields, in order, none optional. */
  public static Schema of(List<Field> fields) {
    return new Schema(fields, Set.of());
  }

  /** A schema of these Arrow fields, in order, with the named ones optional. */
  public static Schema of(List<Field> fields, Set<String> optionalFields) {
    return new Schema(fields, optionalFields);
  }

  /** The schema of an Arrow schema's fields. */
  public static Schema fromArrow(org.apache.arrow.vector.types.pojo.Schema arrow) {
    return new Schema(arrow.getFields(), Set.of());
  }

  /** The Arrow fields in order. */
  public List<Field> fields() {
    return fields;
  }

  /** The column names in order. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** The number of columns. */
  public int size() {
    return fields.size();
  }

  /** Whether the schema has no columns. */
  public boolean isEmpty() {
    return fields.isEmpty();
  }

  /** Whether a column of this name exists. */
  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  /** The field of this name, or null. */
  public @Nullable Field field(String name) {
    return byName.get(name);
  }

  /**
   * The field of this name.
   *
   * @throws MissingColumnException when absent
   */
  public Field require(String name) {
    Field f = byName.get(name);
    if (f == null) {
      throw new MissingColumnException("column", name, names());
    }
    return f;
  }

  /** Whether the named column may hold nulls. */
  public boolean isNullable(String name) {
    return require(name).isNullable();
  }

  /** The optional fields (those an incoming packet may omit). */
  public Set<String> optionalFields() {
    return optional;
  }

  /** Whether the named field is required (not optional). */
  public boolean isRequired(String name) {
    require(name);
    return !optional.contains(name);
  }

  /** The Python type of the named column, as in Python orcapod's schema (with {@code | None}). */
  public PythonType pythonType(String name) {
    return TypeMapping.pythonType(require(name));
  }

  /** Names mapped to their Python types, in column order. */
  public Map<String, PythonType> pythonTypes() {
    Map<String, PythonType> m = new LinkedHashMap<>();
    for (Field f : fields) {
      m.put(f.getName(), TypeMapping.pythonType(f));
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * The identity structure: a mapping of names to Python types, hashed exactly as Python orcapod
   * hashes a {@code Schema} inside an identity structure.
   */
  public Map<String, PyType> identityStructure() {
    Map<String, PyType> m = new LinkedHashMap<>();
    for (Field f : fields) {
      m.put(f.getName(), TypeMapping.pythonType(f).toPyType());
    }
    return Collections.unmodifiableMap(m);
  }

  /** This schema as an Arrow schema. */
  public org.apache.arrow.vector.types.pojo.Schema toArrow() {
    return new org.apache.arrow.vector.types.pojo.Schema(fields);
  }

  /**
   * The columns named, in the order given.
   *
   * @throws MissingColumnException naming the first absent column
   */
  public Schema select(Collection<String> names) {
    List<Field> out = new ArrayList<>();
    Set<String> opt = new HashSet<>();
    for (String n : names) {
      out.add(require(n));
      if (optional.contains(n)) {
        opt.add(n);
      }
    }
    return new Schema(out, opt);
  }

  /** This schema without the named columns; names not present are ignored. */
  public Schema drop(Collection<String> names) {
    Set<String> gone = Set.copyOf(names);
    List<Field> out = new ArrayList<>();
    Set<String> opt = new HashSet<>();
    for (Field f : fields) {
      if (!gone.contains(f.getName())) {
        out.add(f);
        if (optional.contains(f.getName())) {
          opt.add(f.getName());
        }
      }
    }
    return new Schema(out, opt);
  }

  /**
   * This schema followed by the columns of {@code other} it lacks; a shared column must have the
   * same Python type in both.
   *
   * @throws IncompatibleTypesException naming the first shared column whose types differ
   */
  public Schema merge(Schema other) {
    List<Field> out = new ArrayList<>(fields);
    Set<String> opt = new HashSet<>(optional);
    for (Field f : other.fields) {
      Field mine = byName.get(f.getName());
      if (mine == null) {
        out.add(f);
        if (other.optional.contains(f.getName())) {
          opt.add(f.getName());
        }
      } else if (!TypeMapping.pythonType(mine).equals(TypeMapping.pythonType(f))) {
        throw new IncompatibleTypesException(
            f.getName(),
            "type "
                + TypeMapping.pythonType(mine).displayName()
                + " on one side and "
                + TypeMapping.pythonType(f).displayName()
                + " on the other; cast one side so both agree");
      }
    }
    return new Schema(out, opt);
  }

  /** This schema with every column renamed by {@code mapping} (unmapped names are kept). */
  public Schema rename(Map<String, String> mapping) {
    List<Field> out = new ArrayList<>();
    Set<String> opt = new HashSet<>();
    for (Field f : fields) {
      String n = mapping.getOrDefault(f.getName(), f.getName());
      out.add(new Field(n, f.getFieldType(), f.getChildren()));
      if (optional.contains(f.getName())) {
        opt.add(n);
      }
    }
    return new Schema(out, opt);
  }

  /** This schema with no optional fields. */
  public Schema asRequired() {
    return new Schema(fields, Set.of());
  }

  /** Equal when fields (names, types, nullability, order) and optional sets are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Schema s && fields.equals(s.fields) && optional.equals(s.optional);
  }

  @Override
  public int hashCode() {
    return 31 * fields.hashCode() + optional.hashCode();
  }

  /** A display such as {@code Schema{a: int, b: str | None}}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (Field f : fields) {
      parts.add(
          f.getName()
              + ": "
              + TypeMapping.pythonType(f).displayName()
              + (optional.contains(f.getName()) ? " (optional)" : ""));
    }
    return "Schema{" + String.join(", ", parts) + "}";
  }
}
