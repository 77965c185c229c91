package org.orcapod.graph.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.orcapod.graph.Column;
import org.orcapod.graph.ColumnType;
import org.orcapod.graph.RowSchema;

/**
 * The pipeline hashes computed without the runtime equal the runtime's. Expected values were
 * printed by orcapod-runtime in this repository (data context std:v0.1): {@code
 * ctx.semanticHasher().hash(Identity.tuple(tag.identityStructure(), packet.identityStructure()))}
 * for the Arrow fields the pods generate for the same Java types, and {@code
 * RootSource.pipelineHash()} / {@code PipelineNode.pipelineHash()} of the lab pipeline. The
 * processor's {@code PipelineRunTest} checks the same values end to end against a pipeline wired by
 * hand.
 */
class PipelineHashesTest {
  private static final RowSchema MEASUREMENT =
      new RowSchema(
          List.of(Column.of("experiment", "String")),
          List.of(Column.of("temperatureC", "double"), Column.of("pressureKpa", "double")));

  @Test
  void aSourceOfTheLabMeasurementsHashesAsTheRuntimeDoes() {
    assertThat(PipelineHashes.source(MEASUREMENT))
        .contains("semantic_v0.1:0c8101b1ff317fee48aa4f9374c3d9274011f5cfa1843c06d047a792091e635f");
  }

  @Test
  void theLabFunctionNodeHashesAsTheRuntimeDoes() {
    String source = PipelineHashes.source(MEASUREMENT).orElseThrow();
    assertThat(
            PipelineHashes.function(
                "convert",
                1,
                List.of(Column.of("fahrenheit", "double"), Column.of("highPressure", "boolean")),
                source))
        .contains("semantic_v0.1:6f633abc6f4fb362b579532ddc325e380034a85261b65bf256f77ed15efa1745");
  }

  @Test
  void nullableListDecimalAndPathColumnsHashAsTheRuntimeDoes() {
    RowSchema schema =
        new RowSchema(
            List.of(Column.of("id", "String")),
            List.of(
                new Column("x", ColumnType.nullableOf("Double")),
                new Column("xs", ColumnType.nullableOf("List<Long>")),
                Column.of("d", "BigDecimal"),
                new Column("p", ColumnType.nullableOf("Path"))));
    assertThat(PipelineHashes.source(schema))
        .contains("semantic_v0.1:fd214f3bd8733361934cab77304cb74f7d64a4c1278058e5caa6f217c3339121");
  }

  @Test
  void nullabilityAndColumnRolesChangeTheHash() {
    RowSchema nullable =
        new RowSchema(
            MEASUREMENT.tags(),
            List.of(
                new Column("temperatureC", ColumnType.nullableOf("double")),
                Column.of("pressureKpa", "double")));
    RowSchema swapped =
        new RowSchema(
            List.of(Column.of("temperatureC", "double")),
            List.of(Column.of("experiment", "String"), Column.of("pressureKpa", "double")));
    String base = PipelineHashes.source(MEASUREMENT).orElseThrow();
    assertThat(PipelineHashes.source(nullable)).isPresent().get().isNotEqualTo(base);
    assertThat(PipelineHashes.source(swapped)).isPresent().get().isNotEqualTo(base);
  }

  @Test
  void recordColumnsAreLeftToTheRuntime() {
    RowSchema withStruct =
        new RowSchema(List.of(Column.of("id", "String")), List.of(Column.of("point", "Point")));
    assertThat(PipelineHashes.source(withStruct)).isEmpty();
  }
}
