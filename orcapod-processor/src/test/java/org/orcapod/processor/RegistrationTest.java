package org.orcapod.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import org.junit.jupiter.api.Test;

/** The processor is found the ways build tools look for it. */
class RegistrationTest {
  private static String resource(String name) throws IOException {
    try (InputStream in = OrcapodProcessor.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }

  @Test
  void javacFindsItThroughTheServiceLoader() {
    assertThat(ServiceLoader.load(Processor.class, OrcapodProcessor.class.getClassLoader()))
        .anyMatch(p -> p instanceof OrcapodProcessor);
  }

  @Test
  void gradleTreatsItAsIsolating() throws IOException {
    assertThat(resource("META-INF/gradle/incremental.annotation.processors"))
        .isEqualTo("org.orcapod.processor.OrcapodProcessor,isolating");
  }

  @Test
  void itClaimsOnlyTheTwoRootAnnotations() {
    // Isolating processors must name their annotations; node annotations are read from @Pipeline.
    assertThat(new OrcapodProcessor().getSupportedAnnotationTypes())
        .containsExactlyInAnyOrder(
            "org.orcapod.annotations.PacketFunction", "org.orcapod.annotations.Pipeline");
  }
}
