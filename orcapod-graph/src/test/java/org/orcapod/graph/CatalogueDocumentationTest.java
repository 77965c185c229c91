package org.orcapod.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/diagnostics.md documents exactly the ids of {@link DiagnosticKind}, each once. */
class CatalogueDocumentationTest {
  @Test
  void everyIdHasASectionAndEverySectionAnId() throws IOException {
    // Surefire runs in the module directory; the docs are at the repository root.
    String doc = Files.readString(Path.of("..", "docs", "diagnostics.md"));
    Matcher m = Pattern.compile("(?m)^### `\\[Orcapod/([A-Za-z]+)\\]`$").matcher(doc);
    Set<String> documented = new HashSet<>();
    while (m.find()) {
      assertThat(documented.add(m.group(1))).as("documented twice: " + m.group(1)).isTrue();
    }

    assertThat(documented)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(DiagnosticKind.values()).map(DiagnosticKind::id).toList());
  }

  @Test
  void idsAreUniqueAndTagsHaveTheStableForm() {
    Set<String> ids = new HashSet<>();
    for (DiagnosticKind kind : DiagnosticKind.values()) {
      assertThat(ids.add(kind.id())).isTrue();
      assertThat(kind.tag())
          .isEqualTo("[Orcapod/" + kind.id() + "]")
          .matches("\\[Orcapod/[A-Z][A-Za-z]+\\]");
    }
  }
}
