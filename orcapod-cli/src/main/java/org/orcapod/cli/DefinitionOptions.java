package org.orcapod.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.jspecify.annotations.Nullable;
import org.orcapod.database.ArrowDatabase;
import org.orcapod.error.OrcapodException;
import org.orcapod.pipeline.DefinitionContext;
import org.orcapod.pipeline.Pipeline;
import org.orcapod.pipeline.PipelineDefinition;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The pipeline class argument with its {@code --class-path} and {@code -P name=value} parameters,
 * shared by {@code run} and {@code dag}: loads the class, checks that it is a {@link
 * PipelineDefinition} and builds the pipeline.
 */
final class DefinitionOptions {
  @Parameters(
      index = "0",
      paramLabel = "<pipeline class>",
      description =
          "Fully qualified name of a public PipelineDefinition with a no-arg constructor.")
  String className = "";

  @Option(
      names = {"--class-path", "--cp"},
      paramLabel = "<jars and folders>",
      split = "${sys:path.separator}",
      description =
          "Jars and class folders to load the pipeline class from (separated by '${sys:path"
              + ".separator}'), in addition to the command's own class path.")
  List<Path> classPath = new ArrayList<>();

  @Option(
      names = "-P",
      paramLabel = "name=value",
      description = "A parameter of the pipeline definition (repeatable).")
  Map<String, String> parameters = new LinkedHashMap<>();

  /** A loaded definition and the class loader that must stay open while the pipeline is used. */
  record Loaded(PipelineDefinition definition, @Nullable URLClassLoader loader)
      implements AutoCloseable {
    @Override
    public void close() throws java.io.IOException {
      if (loader != null) {
        loader.close();
      }
    }
  }

  /**
   * Loads and instantiates the class.
   *
   * @throws CliException {@link ExitCodes#DEFINITION} naming the class and the fix
   */
  Loaded load() {
    URLClassLoader loader = null;
    ClassLoader parent = OrcapodCli.class.getClassLoader();
    if (!classPath.isEmpty()) {
      List<URL> urls = new ArrayList<>();
      for (Path p : classPath) {
        if (!Files.exists(p)) {
          throw new CliException(
              ExitCodes.DEFINITION,
              "--class-path entry " + p + " does not exist; pass existing jars or class folders");
        }
        try {
          urls.add(p.toAbsolutePath().normalize().toUri().toURL());
        } catch (MalformedURLException e) {
          throw new CliException(ExitCodes.DEFINITION, "bad --class-path entry " + p, e);
        }
      }
      loader = new URLClassLoader(urls.toArray(URL[]::new), parent);
    }
    try {
      return new Loaded(instantiate(loader != null ? loader : parent), loader);
    } catch (RuntimeException | Error e) {
      closeQuietly(loader);
      throw e;
    }
  }

  private PipelineDefinition instantiate(ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      throw new CliException(
          ExitCodes.DEFINITION,
          "unknown pipeline class '"
              + className
              + "': it is not on the class path; check the name (package included) or add its jar"
              + " or classes folder with --class-path");
    } catch (LinkageError e) {
      throw new CliException(
          ExitCodes.DEFINITION,
          "pipeline class '"
              + className
              + "' cannot be loaded: "
              + OrcapodCli.oneLine(e)
              + "; add the missing classes with --class-path",
          e);
    }
    if (!PipelineDefinition.class.isAssignableFrom(type)) {
      throw new CliException(
          ExitCodes.DEFINITION,
          "class '"
              + className
              + "' is not a pipeline definition; implement "
              + PipelineDefinition.class.getName()
              + " and build the pipeline in define(context)");
    }
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new CliException(
          ExitCodes.DEFINITION,
          "class '" + className + "' is abstract; name a concrete PipelineDefinition class");
    }
    try {
      return (PipelineDefinition) type.getConstructor().newInstance();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new CliException(
          ExitCodes.DEFINITION,
          "class '"
              + className
              + "' needs to be public with a public no-argument constructor to be built by name");
    } catch (InvocationTargetException e) {
      throw new CliException(
          ExitCodes.DEFINITION,
          "the constructor of '" + className + "' threw " + OrcapodCli.oneLine(e.getCause()),
          e.getCause());
    } catch (InstantiationException e) {
      throw new CliException(
          ExitCodes.DEFINITION, "class '" + className + "' cannot be instantiated", e);
    }
  }

  /**
   * Builds the pipeline and compiles it if the definition did not.
   *
   * @throws CliException {@link ExitCodes#USAGE} for a missing {@code -P} parameter, {@link
   *     ExitCodes#DEFINITION} when {@code define} throws anything else
   */
  Pipeline define(
      PipelineDefinition definition, @Nullable ArrowDatabase database, BufferAllocator allocator) {
    Pipeline p;
    try {
      p = definition.define(new DefinitionContext(database, allocator, parameters));
      if (p == null) {
        throw new CliException(
            ExitCodes.DEFINITION,
            className + ".define(context) returned null; return the pipeline");
      }
      if (!p.isCompiled()) {
        p.compile();
      }
      return p;
    } catch (CliException e) {
      throw e;
    } catch (OrcapodException e) {
      if (e.id().equals("Orcapod/MissingParameter")) {
        throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
      }
      throw definitionFailed(e);
    } catch (RuntimeException e) {
      throw definitionFailed(e);
    }
  }

  private CliException definitionFailed(RuntimeException e) {
    return new CliException(
        ExitCodes.DEFINITION, className + ".define(context) failed: " + OrcapodCli.oneLine(e), e);
  }

  private static void closeQuietly(@Nullable URLClassLoader loader) {
    if (loader != null) {
      try {
        loader.close();
      } catch (java.io.IOException e) {
        // Nothing was loaded from it that we still use.
      }
    }
  }
}
