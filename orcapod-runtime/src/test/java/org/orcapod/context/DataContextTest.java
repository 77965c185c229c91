package org.orcapod.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orcapod.hashing.file.CachingFileHasher;
import org.orcapod.hashing.semantic.JsonSemanticHasher;

class DataContextTest {
  @Test
  void theDefaultContextResolvesByKeyVersionAndLatest() {
    DataContext byKey = DataContext.get("std:v0.1:default");
    assertThat(byKey.contextKey()).isEqualTo(DataContext.DEFAULT_KEY);
    assertThat(byKey.version()).isEqualTo("v0.1");
    assertThat(DataContext.get("v0.1")).isSameAs(byKey);
    assertThat(DataContext.get("latest")).isSameAs(byKey);
    assertThat(DataContext.defaultContext()).isSameAs(byKey);
    assertThat(byKey.componentNames())
        .containsExactly("file_hasher", "arrow_hasher", "semantic_hasher");
  }

  @Test
  void theDefaultContextPinsTheSemanticAndFileHashersOfPythonV01(@TempDir Path dir)
      throws Exception {
    DataContext ctx = DataContext.defaultContext();
    assertThat(ctx.semanticHasher()).isInstanceOf(JsonSemanticHasher.class);
    assertThat(ctx.semanticHasher().hasherId()).isEqualTo("semantic_v0.1");
    assertThat(ctx.fileHasher()).isInstanceOf(CachingFileHasher.class);
    assertThat(ctx.fileHasher().hasherId()).isEqualTo("sha256");
    assertThat(ctx.semanticHasher()).isSameAs(ctx.semanticHasher());
    // Values from orcapod-python's semantic samples file and a known SHA-256.
    assertThat(ctx.semanticHasher().hash(Map.of("a", 1)).toString())
        .isEqualTo(
            "semantic_v0.1:015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862");
    Path f = dir.resolve("hello.txt");
    Files.writeString(f, "hello");
    assertThat(ctx.semanticHasher().hash(f).toString())
        .isEqualTo("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  }

  @Test
  void anUnknownContextListsTheAvailableOnes() {
    assertThatThrownBy(() -> DataContext.get("std:v9.9:default"))
        .isInstanceOfSatisfying(
            UnknownDataContextException.class,
            e -> {
              assertThat(e.requested()).isEqualTo("std:v9.9:default");
              assertThat(e.available()).containsExactly("std:v0.1:default (v0.1)");
            })
        .hasMessageContaining("std:v0.1:default");
    assertThatThrownBy(() -> DataContext.get("std:v0.1:other"))
        .isInstanceOf(UnknownDataContextException.class);
  }

  private static String context(String version, String components) {
    return "{\"context_key\":\"test:"
        + version
        + ":x\",\"version\":\""
        + version
        + "\",\"components\":{"
        + components
        + "}}";
  }

  private static final String SEMANTIC =
      "\"semantic_hasher\":{\"_class\":\"org.orcapod.hashing.semantic.JsonSemanticHasher\","
          + "\"_args\":[\"semantic_v0.1\",{\"_ref\":\"file_hasher\"},"
          + "{\"_lazy_ref\":\"arrow_hasher\"}],\"hasher_id\":\"semantic_v0.1\"}";
  private static final String FILE =
      "\"file_hasher\":{\"_class\":\"org.orcapod.hashing.file.StreamingFileHasher\","
          + "\"_args\":[\"sha256\"],\"hasher_id\":\"sha256\"}";

  @Test
  void componentsAreBuiltOnlyWhenAskedSoAMissingClassHurtsOnlyItsUsers() {
    DataContextRegistry registry =
        DataContextRegistry.fromJson(
            "v0.1",
            List.of(
                context(
                    "v0.1",
                    FILE
                        + ",\"arrow_hasher\":{\"_class\":\"org.example.NoSuchHasher\"},"
                        + SEMANTIC)));
    DataContext ctx = registry.get("test:v0.1:x");
    assertThat(ctx.semanticHasher().hash(List.of(1, 2, 3)).toString())
        .isEqualTo(
            "semantic_v0.1:a615eeaee21de5179de080de8c3052c8da901138406ba71c38c032845f7d54f4");
    assertThatThrownBy(ctx::arrowHasher)
        .isInstanceOf(DataContextConfigurationException.class)
        .hasMessageContaining("'arrow_hasher'")
        .hasMessageContaining("org.example.NoSuchHasher")
        .hasMessageContaining("class path");
  }

  @Test
  void aComponentReportingAnotherMethodIdIsRejected() {
    String file =
        "\"file_hasher\":{\"_class\":\"org.orcapod.hashing.file.StreamingFileHasher\","
            + "\"_args\":[\"md5\"],\"hasher_id\":\"sha256\"}";
    DataContext ctx =
        DataContextRegistry.fromJson("v0.1", List.of(context("v0.1", file))).get("v0.1");
    assertThatThrownBy(ctx::fileHasher)
        .isInstanceOf(DataContextConfigurationException.class)
        .hasMessageContaining("pins hasher_id 'sha256'")
        .hasMessageContaining("reports 'md5'");
  }

  @Test
  void badDescriptionsFailWithTheComponentNamed() {
    String badArgs =
        "\"file_hasher\":{\"_class\":\"org.orcapod.hashing.file.StreamingFileHasher\","
            + "\"_args\":[1, 2]}";
    DataContext ctx =
        DataContextRegistry.fromJson("v0.1", List.of(context("v0.1", badArgs))).get("v0.1");
    assertThatThrownBy(ctx::fileHasher)
        .isInstanceOf(DataContextConfigurationException.class)
        .hasMessageContaining("no public constructor");
    assertThatThrownBy(ctx::semanticHasher)
        .isInstanceOf(DataContextConfigurationException.class)
        .hasMessageContaining("no component 'semantic_hasher'");

    String cycle =
        "\"a\":{\"_class\":\"java.lang.String\",\"_args\":[{\"_ref\":\"b\"}]},"
            + "\"b\":{\"_class\":\"java.lang.String\",\"_args\":[{\"_ref\":\"a\"}]}";
    DataContext cyclic =
        DataContextRegistry.fromJson("v0.1", List.of(context("v0.1", cycle))).get("v0.1");
    assertThatThrownBy(() -> cyclic.component("a", Object.class))
        .isInstanceOf(DataContextConfigurationException.class)
        .hasMessageContaining("refers to itself");

    assertThatThrownBy(() -> DataContextRegistry.fromJson("v0.1", List.of("{not json")))
        .isInstanceOf(DataContextConfigurationException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(
            () ->
                DataContextRegistry.fromJson(
                    "v0.1",
                    List.of(
                        "{\"context_key\":\"std:v0.2:x\",\"version\":\"v0.1\","
                            + "\"components\":{}}")))
        .isInstanceOf(DataContextConfigurationException.class)
        .hasMessageContaining("match its version");
  }

  @Test
  void latestIsTheHighestVersionNumerically() {
    DataContextRegistry registry =
        DataContextRegistry.fromJson(
            "v0.2", List.of(context("v0.10", FILE), context("v0.2", FILE), context("v0.9", FILE)));
    assertThat(registry.versions()).containsExactly("v0.2", "v0.9", "v0.10");
    assertThat(registry.get("latest").version()).isEqualTo("v0.10");
    assertThat(registry.defaultContext().version()).isEqualTo("v0.2");
  }
}
