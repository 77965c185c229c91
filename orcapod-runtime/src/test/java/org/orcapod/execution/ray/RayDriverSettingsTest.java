package org.orcapod.execution.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

class RayDriverSettingsTest {

  @Test
  void clusterSettingsBecomeRaySystemProperties() {
    RayDriverSettings settings =
        RayDriverSettings.cluster(
            "127.0.0.1:6379", List.of("/a/classes", "/b/lib.jar"), List.of("-Xmx256m", "-Dx=1"));
    assertThat(settings.isLocalMode()).isFalse();
    assertThat(settings.systemProperties())
        .containsExactly(
            entry("ray.run-mode", "CLUSTER"),
            entry("ray.address", "127.0.0.1:6379"),
            entry("ray.job.code-search-path", "/a/classes" + File.pathSeparator + "/b/lib.jar"),
            entry("ray.job.jvm-options.0", "-Xmx256m"),
            entry("ray.job.jvm-options.1", "-Dx=1"),
            entry("ray.node-ip", "127.0.0.1"));
  }

  @Test
  void aRemoteHeadLeavesTheNodeIpToRay() {
    assertThat(RayDriverSettings.cluster("10.1.2.3:6379", List.of(), List.of()).systemProperties())
        .containsOnlyKeys("ray.run-mode", "ray.address");
  }

  @Test
  void localModeNeedsNoAddress() {
    assertThat(RayDriverSettings.local().isLocalMode()).isTrue();
    assertThat(RayDriverSettings.local().systemProperties())
        .containsExactly(entry("ray.run-mode", "LOCAL"));
  }

  @Test
  void anAddressWithoutPortIsRejectedWithHelp() {
    assertThatThrownBy(() -> RayDriverSettings.cluster("ray-head", List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ray-head' is not host:port");
  }

  @Test
  void theCurrentClassPathLeavesOutRaysOwnJars() {
    assertThat(RayDriverSettings.currentClassPath())
        .isNotEmpty()
        .noneMatch(e -> new File(e).getName().startsWith("ray-api"))
        .noneMatch(e -> new File(e).getName().startsWith("ray_dist"))
        .allMatch(e -> new File(e).isAbsolute());
  }

  @Test
  void optionStringsSplitOnWhitespace() {
    assertThat(RayDriverSettings.splitOptions("  -Xmx1g \n --add-opens=a/b=ALL-UNNAMED "))
        .containsExactly("-Xmx1g", "--add-opens=a/b=ALL-UNNAMED");
    assertThat(RayDriverSettings.splitOptions(null)).isEmpty();
  }
}
