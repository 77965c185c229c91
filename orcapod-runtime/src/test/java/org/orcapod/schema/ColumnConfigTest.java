package org.orcapod.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ColumnConfigTest {
  @Test
  void defaultsAndAllMatchPythons() {
    ColumnConfig d = ColumnConfig.dataOnly();
    assertThat(d.meta() || d.context() || d.source() || d.systemTags() || d.sortByTags()).isFalse();
    assertThat(d.contentHashColumn()).isNull();
    ColumnConfig all = ColumnConfig.all();
    assertThat(all.meta() && all.context() && all.source() && all.systemTags() && all.sortByTags())
        .isTrue();
    assertThat(all.contentHashColumn()).isEqualTo("_content_hash");
  }

  @Test
  void metaColumnsGetTheirPrefixAndWithersChangeOneField() {
    ColumnConfig c = ColumnConfig.dataOnly().withMetaColumns(Set.of("pipeline", "__run"));
    assertThat(c.metaColumns()).containsExactlyInAnyOrder("__pipeline", "__run");
    assertThat(c.includesMeta("__pipeline")).isTrue();
    assertThat(c.includesMeta("__other")).isFalse();
    assertThat(c.withMeta(true).includesMeta("__other")).isTrue();
    assertThat(c.withSource(true).source()).isTrue();
    assertThat(c.withSource(true).withSource(false)).isEqualTo(c);
    assertThat(c.withContentHashColumn("h").contentHashColumn()).isEqualTo("h");
  }

  @Test
  void systemColumnNamesAreExactlyPythons() {
    assertThat(SystemConstants.sourceInfoColumn("x")).isEqualTo("_source_x");
    assertThat(SystemConstants.sourceIdTagColumn("0123456789ab"))
        .isEqualTo("_tag_source_id::0123456789ab");
    assertThat(SystemConstants.recordIdTagColumn("0123456789ab"))
        .isEqualTo("_tag_record_id::0123456789ab");
    assertThat(SystemConstants.CONTEXT_KEY).isEqualTo("_context_key");
    assertThat(SystemConstants.metaColumn("x")).isEqualTo("__x");
    assertThat(SystemConstants.isSystemTagColumn("_tag_record_id::ab")).isTrue();
  }
}
