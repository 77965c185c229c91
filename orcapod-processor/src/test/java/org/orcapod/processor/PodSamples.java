package org.orcapod.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * The sample packet functions of {@code src/test/resources/pods/}, compiled with the processor
 * against the whole test class path (so the runtime is there and pods are generated).
 */
final class PodSamples {
  private PodSamples() {}

  /** The sample sources by resource name, e.g. {@code lab/LabFunctions.java}. */
  static final List<String> SOURCES = List.of("lab/LabFunctions.java", "lab/Counter.java");

  /** The generated pods, by qualified name. */
  static final List<String> PODS =
      List.of(
          "lab.Counter_LabelPod",
          "lab.Counter_Nested_RatioPod",
          "lab.LabFunctions_AddPod",
          "lab.LabFunctions_ConvertPod",
          "lab.LabFunctions_DescribePod",
          "lab.LabFunctions_ShapeOfPod");

  static List<JavaFileObject> sources() {
    List<JavaFileObject> files = new ArrayList<>();
    for (String s : SOURCES) {
      URL url = PodSamples.class.getResource("/pods/" + s);
      if (url == null) {
        throw new IllegalStateException("missing test resource /pods/" + s);
      }
      files.add(JavaFileObjects.forResource(url));
    }
    return files;
  }

  /** The test class path: annotations, JSpecify, the runtime and Arrow. */
  static List<File> classpath() {
    List<File> files = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      files.add(new File(entry));
    }
    return files;
  }

  /** Compiles the samples with the processor; {@code -parameters} for the reflective path. */
  static Compilation compile() {
    return Compiler.javac()
        .withProcessors(new OrcapodProcessor())
        .withClasspath(classpath())
        .withOptions("-parameters", "-Xlint:all", "-Xlint:-processing")
        .compile(sources());
  }

  /** The text of a generated source file. */
  static String generated(Compilation compilation, String qualifiedName) {
    JavaFileObject file =
        compilation
            .generatedSourceFile(qualifiedName)
            .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName));
    try {
      return file.getCharContent(false).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A class loader over the compiled classes, child of the test's (which has the runtime). */
  static ClassLoader loader(Compilation compilation) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject f : compilation.generatedFiles()) {
      if (f.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = f.toUri().getPath();
      String name = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length());
      try (InputStream in = f.openInputStream()) {
        classes.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new BytesClassLoader(classes, PodSamples.class.getClassLoader());
  }

  /** Defines classes from their bytes and serves them as resources (the fingerprint reads them). */
  private static final class BytesClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    BytesClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
      super(parent);
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name.replace('.', '/') + ".class");
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
      byte[] bytes = classes.get(name);
      return bytes != null
          ? new java.io.ByteArrayInputStream(bytes)
          : super.getResourceAsStream(name);
    }
  }
}
