package org.orcapod.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The known data contexts, loaded from JSON descriptions, and their resolution by full key ({@code
 * std:v0.1:default}), version ({@code v0.1}) or {@code latest}. Each context is built once per
 * registry. The {@link #standard()} registry reads {@code org/orcapod/context/index.json} and the
 * descriptions it lists from the class path.
 */
public final class DataContextRegistry {
  private static final String INDEX = "org/orcapod/context/index.json";

  private static volatile @Nullable DataContextRegistry standard;

  private final Map<String, ContextSpec> byVersion;
  private final String defaultVersion;
  private final ConcurrentHashMap<String, DataContext> contexts = new ConcurrentHashMap<>();

  private DataContextRegistry(List<ContextSpec> specs, String defaultVersion) {
    List<ContextSpec> sorted = new ArrayList<>(specs);
    sorted.sort(Comparator.comparing(ContextSpec::version, DataContextRegistry::compareVersions));
    Map<String, ContextSpec> map = new LinkedHashMap<>();
    for (ContextSpec s : sorted) {
      if (map.put(s.version(), s) != null) {
        throw new DataContextConfigurationException(
            "two context descriptions have version " + s.version());
      }
    }
    this.byVersion = map;
    if (!map.containsKey(defaultVersion)) {
      throw new DataContextConfigurationException(
          "the default context version " + defaultVersion + " is not among " + map.keySet());
    }
    this.defaultVersion = defaultVersion;
  }

  /** The contexts shipped with orcapod-java. */
  public static DataContextRegistry standard() {
    DataContextRegistry r = standard;
    if (r == null) {
      synchronized (DataContextRegistry.class) {
        r = standard;
        if (r == null) {
          r = loadStandard();
          standard = r;
        }
      }
    }
    return r;
  }

  /**
   * A registry of the given JSON context descriptions (the format of {@code
   * org/orcapod/context/v0.1.json}), for tests and custom contexts.
   */
  public static DataContextRegistry fromJson(String defaultVersion, List<String> descriptions) {
    List<ContextSpec> specs = new ArrayList<>();
    for (int i = 0; i < descriptions.size(); i++) {
      specs.add(ContextSpec.parse("#" + i, descriptions.get(i)));
    }
    return new DataContextRegistry(specs, defaultVersion);
  }

  private static DataContextRegistry loadStandard() {
    ClassLoader loader = DataContextRegistry.class.getClassLoader();
    JsonNode index;
    try {
      index = new ObjectMapper().readTree(read(loader, INDEX));
    } catch (IOException e) {
      throw new DataContextConfigurationException("cannot parse " + INDEX + ": " + e, e);
    }
    List<ContextSpec> specs = new ArrayList<>();
    for (JsonNode file : index.path("contexts")) {
      String resource = "org/orcapod/context/" + file.asText();
      specs.add(ContextSpec.parse(resource, read(loader, resource)));
    }
    return new DataContextRegistry(specs, index.path("default").asText());
  }

  private static String read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new DataContextConfigurationException(
            "context resource " + resource + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DataContextConfigurationException("cannot read " + resource + ": " + e, e);
    }
  }

  /** The default context. */
  public DataContext defaultContext() {
    return get(defaultVersion);
  }

  /**
   * The context for a full key ({@code std:v0.1:default}), a version ({@code v0.1}) or {@code
   * latest}.
   *
   * @throws UnknownDataContextException listing the available contexts if none matches
   */
  public DataContext get(String keyOrVersion) {
    Objects.requireNonNull(keyOrVersion, "keyOrVersion");
    ContextSpec spec = resolve(keyOrVersion);
    return contexts.computeIfAbsent(spec.version(), v -> new DataContext(spec));
  }

  /** The available versions, oldest first. */
  public List<String> versions() {
    return List.copyOf(byVersion.keySet());
  }

  /** The available full context keys, oldest first. */
  public List<String> contextKeys() {
    List<String> keys = new ArrayList<>();
    for (ContextSpec s : byVersion.values()) {
      keys.add(s.contextKey());
    }
    return keys;
  }

  private ContextSpec resolve(String keyOrVersion) {
    if (keyOrVersion.equals("latest")) {
      List<String> versions = versions();
      return byVersion.get(versions.get(versions.size() - 1));
    }
    ContextSpec byV = byVersion.get(keyOrVersion);
    if (byV != null) {
      return byV;
    }
    for (ContextSpec s : byVersion.values()) {
      if (s.contextKey().equals(keyOrVersion)) {
        return s;
      }
    }
    List<String> available = new ArrayList<>();
    for (ContextSpec s : byVersion.values()) {
      available.add(s.contextKey() + " (" + s.version() + ")");
    }
    throw new UnknownDataContextException(keyOrVersion, available);
  }

  /** Orders {@code v0.1 < v0.2 < v0.10 < v1.0}; non-numeric parts compare as text. */
  static int compareVersions(String a, String b) {
    String[] pa = a.replaceFirst("^v", "").split("\\.");
    String[] pb = b.replaceFirst("^v", "").split("\\.");
    for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
      String x = i < pa.length ? pa[i] : "0";
      String y = i < pb.length ? pb[i] : "0";
      int c;
      if (x.matches("\\d+") && y.matches("\\d+")) {
        c = new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y));
      } else {
        c = x.compareTo(y);
      }
      if (c != 0) {
        return c;
      }
    }
    return a.compareTo(b);
  }
}
