package org.orcapod.hashing.semantic;

import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.jspecify.annotations.Nullable;
import org.orcapod.hashing.ArrowHasher;
import org.orcapod.hashing.ContentHash;
import org.orcapod.hashing.ContentIdentifiable;
import org.orcapod.hashing.FileHasher;
import org.orcapod.hashing.SemanticHasher;
import org.orcapod.hashing.file.CachingFileHasher;

/**
 * The semantic hasher of data context {@code std:v0.1}, byte-compatible with Python orcapod's
 * {@code BaseSemanticHasher} with id {@code semantic_v0.1}.
 *
 * <p>A structure is expanded into a tree of JSON values, written as Python's {@code json.dumps(obj,
 * sort_keys=True, separators=(",", ":"), ensure_ascii=False)} and digested with SHA-256:
 *
 * <ul>
 *   <li>{@code null}, Boolean, integers (Byte…Long, BigInteger), Float/Double, String and Character
 *       are JSON leaves; a {@link List} is a JSON array; a {@link Map} is a JSON object whose keys
 *       are the Python {@code str()} of the expanded keys;
 *   <li>{@link PyTuple} becomes {@code {"__type__":"tuple","items":[...]}}, a {@link Set} {@code
 *       {"__type__":"set","items":[...]}} with items sorted by their Python {@code str()}, a {@link
 *       NamedTuple} {@code {"__type__":"namedtuple","name":...,"fields":{...}}};
 *   <li>any other value inside a container is hashed on its own and embedded as the string {@code
 *       method:hex} of that hash: a {@link ContentHash} as itself, a {@link ContentIdentifiable} as
 *       its {@link ContentIdentifiable#contentHash content hash}, a {@link Path} as the hash of the
 *       file's bytes, {@code byte[]} as the hash of its lower-case hex string, a {@link UUID} as
 *       the hash of its canonical string, a {@link Class} or {@link PyType} as the hash of its type
 *       token, an Arrow {@link VectorSchemaRoot} as its Arrow hash.
 * </ul>
 *
 * <p>At the top level a {@link ContentHash}, a {@link Path}, an Arrow table and a {@link
 * ContentIdentifiable} are not re-hashed: their own hash is the result, as in Python. Instances are
 * immutable and thread-safe.
 */
public final class JsonSemanticHasher implements SemanticHasher {
  /** The method id of this algorithm in data context {@code std:v0.1}. */
  public static final String SEMANTIC_V0_1 = "semantic_v0.1";

  /** Python's {@code sys.get_int_max_str_digits()} default: longer integers cannot be printed. */
  private static final int MAX_INT_DIGITS = 4300;

  /** What Python orcapod embeds where a container contains itself. */
  private static final String CIRCULAR_REF = "CircularRef";

  private static final HexFormat HEX = HexFormat.of();

  private final String hasherId;
  private final FileHasher fileHasher;
  private final Supplier<? extends ArrowHasher> arrowHasher;

  /**
   * The {@code semantic_v0.1} hasher with a caching SHA-256 file hasher for {@link Path} values and
   * no Arrow hasher (Arrow tables in a structure are then rejected).
   */
  public JsonSemanticHasher() {
    this(SEMANTIC_V0_1, new CachingFileHasher(), JsonSemanticHasher::noArrowHasher);
  }

  /**
   * A hasher with the given method id and collaborators.
   *
   * @param hasherId the method id written into every hash, e.g. {@code semantic_v0.1}
   * @param fileHasher hashes the files that {@link Path} values point to
   * @param arrowHasher supplies the hasher for Arrow tables; asked only when a table is met, so a
   *     data context can wire a component it builds lazily
   */
  public JsonSemanticHasher(
      String hasherId, FileHasher fileHasher, Supplier<? extends ArrowHasher> arrowHasher) {
    this.hasherId = Objects.requireNonNull(hasherId, "hasherId");
    this.fileHasher = Objects.requireNonNull(fileHasher, "fileHasher");
    this.arrowHasher = Objects.requireNonNull(arrowHasher, "arrowHasher");
    if (hasherId.isEmpty() || hasherId.indexOf(':') >= 0) {
      throw new IllegalArgumentException(
          "hasher id must be non-empty and contain no ':' but was '" + hasherId + "'");
    }
  }

  private static ArrowHasher noArrowHasher() {
    throw new IllegalStateException(
        "this semantic hasher has no Arrow hasher; take the semantic hasher from a DataContext or"
            + " pass an ArrowHasher to the JsonSemanticHasher constructor");
  }

  @Override
  public String hasherId() {
    return hasherId;
  }

  /**
   * Hashes {@code structure}; a {@link ContentIdentifiable} anywhere inside is resolved with its
   * {@link ContentIdentifiable#contentHash(SemanticHasher)} under this hasher.
   *
   * @throws UnhashableValueException naming the path and type of a value that cannot be hashed
   */
  @Override
  public ContentHash hash(@Nullable Object structure) {
    return hash(structure, obj -> obj.contentHash(this));
  }

  /**
   * Hashes {@code structure}, resolving every {@link ContentIdentifiable} met with {@code resolver}
   * (Python's {@code resolver} argument: lets a caller choose which identity chain is used, e.g. a
   * pipeline hash instead of a content hash).
   */
  public ContentHash hash(
      @Nullable Object structure, Function<ContentIdentifiable, ContentHash> resolver) {
    return new Run(resolver).hashObject(structure, "$");
  }

  /**
   * The exact JSON text whose SHA-256 is the hash of {@code structure}, for debugging and comparing
   * with Python. Values whose hash is not a digest of JSON (a {@link ContentHash}, a file, an Arrow
   * table, an identifiable object) have none.
   *
   * @throws IllegalArgumentException if the hash of {@code structure} is not a JSON digest
   */
  public String canonicalJson(@Nullable Object structure) {
    Run run = new Run(obj -> obj.contentHash(this));
    Object value = structure;
    while (true) {
      if (isPrimitive(value)) {
        return PythonFormat.json(run.leaf(value, "$"));
      }
      if (isStructure(value)) {
        return PythonFormat.json(run.expand(value, "$"));
      }
      Object converted = value instanceof ContentHash ? value : run.convert(value, "$");
      if (converted instanceof ContentHash) {
        throw new IllegalArgumentException(
            "the hash of a "
                + (value == null ? "null" : value.getClass().getName())
                + " is not a digest of canonical JSON");
      }
      value = converted;
    }
  }

  private ContentHash digestJson(String json) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    return ContentHash.of(hasherId, sha256.digest(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static boolean isPrimitive(@Nullable Object v) {
    return v == null
        || v instanceof Boolean
        || v instanceof Long
        || v instanceof Integer
        || v instanceof Short
        || v instanceof Byte
        || v instanceof BigInteger
        || v instanceof Double
        || v instanceof Float
        || v instanceof String
        || v instanceof Character;
  }

  private static boolean isStructure(@Nullable Object v) {
    return v instanceof List
        || v instanceof Map
        || v instanceof Set
        || v instanceof PyTuple
        || v instanceof NamedTuple;
  }

  /** One hashing call: the resolver and the containers on the current path. */
  private final class Run {
    private final Function<ContentIdentifiable, ContentHash> resolver;
    private final Set<Object> onPath = Collections.newSetFromMap(new IdentityHashMap<>());

    Run(Function<ContentIdentifiable, ContentHash> resolver) {
      this.resolver = resolver;
    }

    /** Python {@code hash_object}. */
    ContentHash hashObject(@Nullable Object obj, String path) {
      if (obj instanceof ContentHash h) {
        return h;
      }
      if (isPrimitive(obj)) {
        return digestJson(PythonFormat.json(leaf(obj, path)));
      }
      if (isStructure(obj)) {
        return digestJson(PythonFormat.json(expand(obj, path)));
      }
      Object converted = convert(obj, path);
      if (converted instanceof ContentHash h) {
        return h;
      }
      return hashObject(converted, path);
    }

    /**
     * Python's type handlers and identifiable objects: a replacement value to hash in place of
     * {@code obj}, or the final hash.
     */
    Object convert(@Nullable Object obj, String path) {
      Objects.requireNonNull(obj); // primitives (incl. null) never reach here
      if (obj instanceof byte[] bytes) {
        return HEX.formatHex(bytes);
      }
      if (obj instanceof UUID uuid) {
        return uuid.toString();
      }
      if (obj instanceof Class<?> type) {
        return typeValue(PyType.of(type));
      }
      if (obj instanceof PyType type) {
        return typeValue(type);
      }
      if (obj instanceof Path file) {
        try {
          return fileHasher.hash(file);
        } catch (UncheckedIOException e) {
          throw new UnhashableValueException(
              path,
              obj.getClass().getName(),
              "a Path is hashed by the content of the file it names, and that failed: "
                  + e.getMessage()
                  + "; to hash the path text instead, put path.toString() in the structure",
              e);
        }
      }
      if (obj instanceof VectorSchemaRoot table) {
        return arrowHasher.get().hashTable(table);
      }
      if (obj instanceof ContentIdentifiable identifiable) {
        try {
          return Objects.requireNonNull(
              resolver.apply(identifiable),
              () -> identifiable.getClass().getName() + " returned a null content hash");
        } catch (UnhashableValueException e) {
          throw e.within(path + "<" + identifiable.getClass().getSimpleName() + ">");
        }
      }
      throw new UnhashableValueException(
          path,
          obj.getClass(),
          "not an identity-structure value; use null, Boolean, a number, String, List, Map, Set,"
              + " PyTuple, NamedTuple, byte[], UUID, Path, Class/PyType, ContentHash, or implement"
              + " ContentIdentifiable");
    }

    private Object typeValue(PyType type) {
      if (type instanceof PyType.Named named) {
        return named.token();
      }
      if (type instanceof PyType.Generic generic) {
        List<Object> args = new ArrayList<>();
        for (PyType arg : generic.args()) {
          args.add(hashObject(arg, "$").toString());
        }
        Map<String, Object> tagged = new LinkedHashMap<>();
        tagged.put("__type__", "generic_alias");
        tagged.put("origin", hashObject(generic.origin(), "$").toString());
        tagged.put("args", args);
        return tagged;
      }
      PyType.Union union = (PyType.Union) type;
      List<String> args = new ArrayList<>();
      for (PyType arg : union.args()) {
        args.add(hashObject(arg, "$").toString());
      }
      args.sort(PythonFormat.CODE_POINT_ORDER);
      Map<String, Object> tagged = new LinkedHashMap<>();
      tagged.put("__type__", "union");
      tagged.put("args", new ArrayList<Object>(args));
      return tagged;
    }

    /** A primitive as a tree leaf. */
    @Nullable Object leaf(@Nullable Object v, String path) {
      if (v instanceof String s) {
        checkString(s, path);
        return s;
      }
      if (v == null || v instanceof Boolean) {
        return v;
      }
      if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
        return ((Number) v).longValue();
      }
      if (v instanceof BigInteger big) {
        if (big.bitLength() > 14_000 && big.abs().toString().length() > MAX_INT_DIGITS) {
          throw new UnhashableValueException(
              path,
              v.getClass(),
              "the integer has more than "
                  + MAX_INT_DIGITS
                  + " decimal digits, which Python's int-to-string limit refuses, so Python"
                  + " orcapod cannot hash it either; hash its bytes or a string form instead");
        }
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
      }
      if (v instanceof Double || v instanceof Float) {
        return ((Number) v).doubleValue();
      }
      if (v instanceof Character c) {
        checkString(String.valueOf(c), path);
        return String.valueOf(c);
      }
      throw new IllegalStateException("not a primitive: " + v.getClass().getName());
    }

    private void checkString(String s, String path) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)
            && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          throw new UnhashableValueException(
              path,
              String.class.getName(),
              "the string has an unpaired UTF-16 surrogate at index "
                  + i
                  + ", which has no UTF-8 form (Python orcapod fails on it too)",
              null);
        }
      }
    }

    /** Python {@code _expand_element}: the tree value of a container element. */
    @Nullable Object element(@Nullable Object v, String path) {
      if (v instanceof ContentHash h) {
        return h.toString();
      }
      if (isPrimitive(v)) {
        return leaf(v, path);
      }
      if (isStructure(v)) {
        return expand(v, path);
      }
      return hashObject(v, path).toString();
    }

    /** Python {@code _expand_structure} for containers. */
    Object expand(Object container, String path) {
      if (!onPath.add(container)) {
        return CIRCULAR_REF;
      }
      try {
        if (container instanceof NamedTuple nt) {
          Map<String, @Nullable Object> fields = new LinkedHashMap<>();
          List<String> names = new ArrayList<>(nt.fields().keySet());
          names.sort(PythonFormat.CODE_POINT_ORDER);
          for (String name : names) {
            fields.put(name, element(nt.fields().get(name), path + "." + name));
          }
          Map<String, @Nullable Object> tagged = new LinkedHashMap<>();
          tagged.put("__type__", "namedtuple");
          tagged.put("name", nt.name());
          tagged.put("fields", fields);
          return tagged;
        }
        if (container instanceof Map<?, ?> map) {
          return expandMap(map, path);
        }
        if (container instanceof List<?> list) {
          return expandItems(list, path);
        }
        if (container instanceof PyTuple tuple) {
          Map<String, @Nullable Object> tagged = new LinkedHashMap<>();
          tagged.put("__type__", "tuple");
          tagged.put("items", expandItems(tuple.items(), path));
          return tagged;
        }
        Set<?> set = (Set<?>) container;
        List<@Nullable Object> items = new ArrayList<>(set.size());
        for (Object item : set) {
          items.add(element(item, path + "{}"));
        }
        // Python sorts by str() alone and keeps its own (hash-seed dependent) order on ties; we
        // break ties by canonical JSON so the result never depends on iteration order.
        List<SortableItem> sortable = new ArrayList<>(items.size());
        for (Object item : items) {
          sortable.add(new SortableItem(PythonFormat.str(item), PythonFormat.json(item), item));
        }
        sortable.sort(SortableItem.ORDER);
        List<@Nullable Object> sorted = new ArrayList<>(sortable.size());
        for (SortableItem s : sortable) {
          sorted.add(s.value());
        }
        Map<String, @Nullable Object> tagged = new LinkedHashMap<>();
        tagged.put("__type__", "set");
        tagged.put("items", sorted);
        return tagged;
      } finally {
        onPath.remove(container);
      }
    }

    private List<@Nullable Object> expandItems(List<?> list, String path) {
      List<@Nullable Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(element(list.get(i), path + "[" + i + "]"));
      }
      return out;
    }

    private Map<String, @Nullable Object> expandMap(Map<?, ?> map, String path) {
      Map<String, @Nullable Object> items = new LinkedHashMap<>();
      Map<String, @Nullable Object> originalKeys = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = PythonFormat.str(element(e.getKey(), path + "<key>"));
        if (items.containsKey(key)) {
          Object other = originalKeys.get(key);
          throw new UnhashableValueException(
              path,
              map.getClass().getName(),
              "the keys "
                  + describe(other)
                  + " and "
                  + describe(e.getKey())
                  + " both become the JSON key '"
                  + key
                  + "' (keys are written as Python str()); Python would keep only the last one"
                  + " inserted, so make the keys distinct",
              null);
        }
        originalKeys.put(key, e.getKey());
        items.put(key, element(e.getValue(), path + "['" + key + "']"));
      }
      List<String> keys = new ArrayList<>(items.keySet());
      keys.sort(PythonFormat.CODE_POINT_ORDER);
      Map<String, @Nullable Object> sorted = new LinkedHashMap<>();
      for (String k : keys) {
        sorted.put(k, items.get(k));
      }
      return sorted;
    }
  }

  private static String describe(@Nullable Object key) {
    return key == null ? "null" : key.getClass().getSimpleName() + " " + key;
  }

  private record SortableItem(String str, String json, @Nullable Object value) {
    static final java.util.Comparator<SortableItem> ORDER =
        (a, b) -> {
          int c = PythonFormat.compareCodePoints(a.str(), b.str());
          return c != 0 ? c : PythonFormat.compareCodePoints(a.json(), b.json());
        };
  }
}
