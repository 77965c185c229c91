package org.orcapod.datagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;
import org.orcapod.error.MissingColumnException;
import org.orcapod.schema.ColumnConfig;
import org.orcapod.schema.Schema;

class DatagramTest {
  final Schema schema =
      Schema.of(
          List.of(
              new Field("x", FieldType.notNullable(new ArrowType.Int(64, true)), null),
              new Field("y", FieldType.nullable(ArrowType.LargeUtf8.INSTANCE), null)));

  Packet packet() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("x", 1L);
    data.put("y", null);
    return new Packet(
        schema, data, Map.of("x", "src::row_0::x"), Map.of("run", "r1"), "std:v0.1:default");
  }

  @Test
  void packetColumnsFollowTheConfig() {
    Packet p = packet();
    assertThat(p.keys(ColumnConfig.dataOnly())).containsExactly("x", "y");
    assertThat(p.keys(ColumnConfig.all()))
        .containsExactly("x", "y", "_source_x", "_source_y", "__run", "_context_key");
    assertThat(p.asMap(ColumnConfig.dataOnly().withSource(true)))
        .containsEntry("_source_x", "src::row_0::x")
        .containsEntry("_source_y", null);
    assertThat(p.meta()).containsOnlyKeys("__run");
  }

  @Test
  void tagsShowSystemTagsOnlyWhenAsked() {
    Tag t =
        new Tag(
            schema.select(List.of("x")),
            Map.of("x", 1L),
            Map.of("_tag_source_id::abc", "s"),
            Map.of(),
            "std:v0.1:default");
    assertThat(t.keys(ColumnConfig.dataOnly())).containsExactly("x");
    assertThat(t.keys(ColumnConfig.dataOnly().withSystemTags(true)))
        .containsExactly("x", "_tag_source_id::abc");
  }

  @Test
  void missingValuesAndColumnsAreTypedErrors() {
    assertThatThrownBy(() -> new Datagram(schema, Map.of("x", 1L), Map.of(), "k"))
        .isInstanceOf(MissingColumnException.class)
        .hasMessageContaining("'y'");
    assertThatThrownBy(() -> packet().get("z")).isInstanceOf(MissingColumnException.class);
    assertThat(packet()).isEqualTo(packet());
  }
}
