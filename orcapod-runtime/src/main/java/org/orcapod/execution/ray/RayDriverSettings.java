package org.orcapod.execution.ray;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How this JVM's Ray driver connects: the cluster address (or Ray's single-process LOCAL mode), the
 * code search path from which workers load the packet functions' classes, and the options of the
 * worker JVMs.
 *
 * <p>Ray's Java runtime reads its configuration from system properties when {@code Ray.init()}
 * runs; {@link #systemProperties()} gives exactly those properties.
 *
 * @param address the head's GCS address {@code host:port}; {@code null} in LOCAL mode
 * @param codeSearchPath directories and jars that worker JVMs load user classes from; they must
 *     exist at the same paths on every node (a shared file system, or a single machine)
 * @param workerJvmOptions options of every worker JVM, for example the JDK 17 {@code --add-opens}
 *     flags that Ray's serializer and Arrow need
 * @param namespace Ray namespace of the job; {@code null} for a random one
 * @param nodeIp the IP address of this driver's node as the cluster knows it; {@code null} lets Ray
 *     pick the machine's primary address, which is wrong for a head started on loopback ({@code
 *     --node-ip-address=127.0.0.1}): the driver then finds no raylet and dies
 */
public record RayDriverSettings(
    @Nullable String address,
    List<String> codeSearchPath,
    List<String> workerJvmOptions,
    @Nullable String namespace,
    @Nullable String nodeIp) {

  private static final Pattern ADDRESS = Pattern.compile("[^\\s:/]+:\\d{1,5}");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if the address is not {@code host:port}
   */
  public RayDriverSettings {
    if (address != null && !ADDRESS.matcher(address).matches()) {
      throw new IllegalArgumentException(
          "Ray address '"
              + address
              + "' is not host:port (the head's GCS address printed by `ray start --head`,"
              + " e.g. 127.0.0.1:6379)");
    }
    codeSearchPath = List.copyOf(codeSearchPath);
    workerJvmOptions = List.copyOf(workerJvmOptions);
  }

  /**
   * Settings for a driver of an existing cluster at {@code address}. When the address is a loopback
   * one, the driver's node IP is set to it too, since the head then registered its raylet under
   * that address.
   */
  public static RayDriverSettings cluster(
      String address, List<String> codeSearchPath, List<String> workerJvmOptions) {
    Objects.requireNonNull(address, "address");
    String host = address.substring(0, Math.max(0, address.lastIndexOf(':')));
    String nodeIp = host.startsWith("127.") || host.equals("localhost") ? "127.0.0.1" : null;
    return new RayDriverSettings(address, codeSearchPath, workerJvmOptions, null, nodeIp);
  }

  /** Settings for Ray's LOCAL mode: tasks run on threads of this JVM, no cluster needed. */
  public static RayDriverSettings local() {
    return new RayDriverSettings(null, List.of(), List.of(), null, null);
  }

  /** Whether these settings run Ray in its single-process LOCAL mode. */
  public boolean isLocalMode() {
    return address == null;
  }

  /**
   * This JVM's class path minus Ray's own jars, as a code search path for workers on the same
   * machine or a shared file system. Under Maven Surefire it is the test class path.
   */
  public static List<String> currentClassPath() {
    String classPath = System.getProperty("surefire.test.class.path");
    if (classPath == null || classPath.isBlank()) {
      classPath = System.getProperty("java.class.path", "");
    }
    List<String> entries = new ArrayList<>();
    for (String entry : classPath.split(Pattern.quote(File.pathSeparator))) {
      if (entry.isBlank() || isRayJar(entry)) {
        continue;
      }
      entries.add(Path.of(entry).toAbsolutePath().toString());
    }
    return entries;
  }

  /** Splits a space-separated option string, as Maven properties hold them. */
  public static List<String> splitOptions(@Nullable String options) {
    if (options == null || options.isBlank()) {
      return List.of();
    }
    return List.of(WHITESPACE.split(options.strip()));
  }

  // Workers already have the cluster's jars first on their class path; listing another copy in
  // the code search path would only shadow nothing or, worse, load a second version.
  private static boolean isRayJar(String entry) {
    String name =
        Path.of(entry).getFileName() == null ? "" : Path.of(entry).getFileName().toString();
    return name.startsWith("ray_dist")
        || name.startsWith("ray-api")
        || name.startsWith("ray-runtime");
  }

  /** The system properties that Ray's Java runtime reads in {@code Ray.init()}. */
  public Map<String, String> systemProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    if (address == null) {
      properties.put("ray.run-mode", "LOCAL");
    } else {
      properties.put("ray.run-mode", "CLUSTER");
      properties.put("ray.address", address);
    }
    if (!codeSearchPath.isEmpty()) {
      properties.put("ray.job.code-search-path", String.join(File.pathSeparator, codeSearchPath));
    }
    for (int i = 0; i < workerJvmOptions.size(); i++) {
      properties.put("ray.job.jvm-options." + i, workerJvmOptions.get(i));
    }
    if (namespace != null) {
      properties.put("ray.job.namespace", namespace);
    }
    if (nodeIp != null) {
      properties.put("ray.node-ip", nodeIp);
    }
    return properties;
  }
}
