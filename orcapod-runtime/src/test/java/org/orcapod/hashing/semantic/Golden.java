package org.orcapod.hashing.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.orcapod.hashing.ContentHash;
import org.orcapod.hashing.ContentIdentifiable;

/** Reads the golden files under src/test/resources/golden (see the README there). */
final class Golden {
  static final ObjectMapper JSON = new ObjectMapper();

  private Golden() {}

  static JsonNode readJson(String resource) {
    try (InputStream in = Golden.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path resourcePath(String resource) {
    URL url = Golden.class.getResource(resource);
    if (url == null) {
      throw new IllegalStateException("missing test resource " + resource);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A plain JSON value as Python's json.load gives it (ints exact, floats as double). */
  static @Nullable Object plain(JsonNode n) {
    if (n.isNull()) {
      return null;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber()) {
      BigInteger b = n.bigIntegerValue();
      return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isArray()) {
      List<@Nullable Object> list = new ArrayList<>();
      n.forEach(x -> list.add(plain(x)));
      return list;
    }
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    n.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
    return map;
  }

  /**
   * An identifiable object whose identity is a given structure (Python ContentIdentifiableMixin).
   */
  record Ident(@Nullable Object structure) implements ContentIdentifiable {
    @Override
    public @Nullable Object identityStructure() {
      return structure;
    }
  }

  /** Decodes the tagged value encoding of oracle/semantic_vectors.json. */
  static @Nullable Object decode(JsonNode n) {
    String tag = n.get(0).asText();
    JsonNode a = n.size() > 1 ? n.get(1) : null;
    switch (tag) {
      case "none":
        return null;
      case "bool":
        return a.booleanValue();
      case "int":
        {
          BigInteger b = new BigInteger(a.asText());
          return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
      case "float":
        return Double.longBitsToDouble(Long.parseUnsignedLong(a.asText(), 16));
      case "str":
        return a.textValue();
      case "bytes":
        return java.util.HexFormat.of().parseHex(a.asText());
      case "uuid":
        return UUID.fromString(a.asText());
      case "hash":
        return ContentHash.parse(a.asText());
      case "path":
        return resourcePath("/golden/orcapod-python/file_samples/" + a.asText());
      case "identifiable":
        return new Ident(decode(a));
      case "type":
        return PyType.named(a.asText());
      case "generic":
        {
          List<PyType> args = new ArrayList<>();
          n.get(2).forEach(x -> args.add((PyType) decode(x)));
          return new PyType.Generic((PyType) decode(a), args);
        }
      case "union":
        {
          List<PyType> args = new ArrayList<>();
          a.forEach(x -> args.add((PyType) decode(x)));
          return PyType.union(args.toArray(new PyType[0]));
        }
      case "list":
        {
          List<@Nullable Object> list = new ArrayList<>();
          a.forEach(x -> list.add(decode(x)));
          return list;
        }
      case "tuple":
        {
          List<@Nullable Object> list = new ArrayList<>();
          a.forEach(x -> list.add(decode(x)));
          return new PyTuple(list);
        }
      case "set":
        {
          Set<@Nullable Object> set = new LinkedHashSet<>();
          a.forEach(x -> set.add(decode(x)));
          return set;
        }
      case "dict":
        {
          Map<@Nullable Object, @Nullable Object> map = new LinkedHashMap<>();
          a.forEach(kv -> map.put(decode(kv.get(0)), decode(kv.get(1))));
          return map;
        }
      case "namedtuple":
        {
          Map<String, @Nullable Object> fields = new LinkedHashMap<>();
          n.get(2).forEach(f -> fields.put(f.get(0).asText(), decode(f.get(1))));
          return new NamedTuple(a.asText(), fields);
        }
      default:
        throw new IllegalArgumentException("unknown tag " + tag);
    }
  }
}
