package org.orcapod.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The generated pipeline implementations, compared byte for byte with {@code
 * src/test/resources/golden/pipelines/}. After an intended change, regenerate them with {@code
 * -Dorcapod.golden.update=true} and review the diff.
 */
class GeneratedPipelinesTest {
  private static final String GOLDEN = "src/test/resources/golden/pipelines/";

  @Test
  void pipelinesMatchTheGoldenFilesByteForByte() throws IOException {
    Compilation compilation = PipelineSamples.compile();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(pipelineSourceNames(compilation))
        .containsExactlyElementsOf(PipelineSamples.PIPELINES);
    boolean update = Boolean.getBoolean("orcapod.golden.update");
    for (String pipeline : PipelineSamples.PIPELINES) {
      String file = pipeline.replace('.', '/') + ".java";
      String actual = PodSamples.generated(compilation, pipeline);
      if (update) {
        Path p = Path.of(GOLDEN, file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, actual, StandardCharsets.UTF_8);
        continue;
      }
      try (InputStream in = getClass().getResourceAsStream("/golden/pipelines/" + file)) {
        assertThat(in).as("golden file %s", file).isNotNull();
        assertThat(actual.getBytes(StandardCharsets.UTF_8))
            .as("generated %s differs from %s%s", pipeline, GOLDEN, file)
            .isEqualTo(in.readAllBytes());
      }
    }
  }

  @Test
  void compilingTwiceGivesIdenticalFiles() {
    Compilation first = PipelineSamples.compile();
    Compilation second = PipelineSamples.compile();
    assertThat(allSourceNames(second)).isEqualTo(allSourceNames(first));
    for (String name : allSourceNames(first)) {
      assertThat(PodSamples.generated(second, name))
          .as(name)
          .isEqualTo(PodSamples.generated(first, name));
    }
  }

  @Test
  void everyPipelineIsGeneratedWithoutTimestampAndNamesItsGenerator() {
    Compilation compilation = PipelineSamples.compile();
    for (String pipeline : PipelineSamples.PIPELINES) {
      assertThat(PodSamples.generated(compilation, pipeline))
          .contains("@Generated(")
          .contains("\"org.orcapod.processor.OrcapodProcessor\"")
          .doesNotContain("date =");
    }
  }

  private static List<String> allSourceNames(Compilation compilation) {
    return compilation.generatedSourceFiles().stream()
        .map(f -> f.toUri().getPath())
        .map(p -> p.substring(p.indexOf("SOURCE_OUTPUT/") + "SOURCE_OUTPUT/".length()))
        .map(p -> p.substring(0, p.length() - ".java".length()).replace('/', '.'))
        .sorted()
        .collect(Collectors.toList());
  }

  private static List<String> pipelineSourceNames(Compilation compilation) {
    return allSourceNames(compilation).stream()
        .filter(n -> n.substring(n.lastIndexOf('.') + 1).startsWith("Orcapod"))
        .collect(Collectors.toList());
  }
}
