package org.orcapod.graph.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orcapod.graph.Column;
import org.orcapod.graph.ColumnType;
import org.orcapod.graph.RowSchema;
import org.orcapod.graph.predicate.Predicate;
import org.orcapod.graph.predicate.PredicateSyntaxException;

/**
 * The pipeline hashes computed without the runtime equal the runtime's. Expected values were
 * printed by orcapod-runtime in this repository (data context std:v0.1): {@code
 * ctx.semanticHasher().hash(Identity.tuple(tag.identityStructure(), packet.identityStructure()))}
 * for the Arrow fields the pods generate for the same Java types, and {@code
 * RootSource.pipelineHash()} / {@code PipelineNode.pipelineHash()} of the lab pipeline. Operator
 * values were printed as {@code OperatorStream.pipelineIdentityStructure()} builds them, with the
 * inputs' pipeline hashes in place of their views: {@code
 * ctx.semanticHasher().hash(Identity.tuple(op, op.argumentSymmetry(List.of(ContentHash.parse(in),
 * ...))))} for the runtime operator the processor generates (e.g. {@code new Batch(10, true)},
 * {@code new Filter(Predicate.col("highPressure").eq(true).and(Predicate.col("fahrenheit")
 * .gt(50.0)))}), and a function over a join as {@code hasher.hash(pod.identityOn(joinHash))} for a
 * {@code JavaPacketFunction.ofMethod} of the lab's {@code convert} signature (whose {@code
 * pod.identityOn(sourceHash)} is the lab's readings hash). The processor's {@code PipelineRunTest}
 * checks the same values end to end against pipelines wired through the runtime.
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

  private static final String SOURCE =
      "semantic_v0.1:0c8101b1ff317fee48aa4f9374c3d9274011f5cfa1843c06d047a792091e635f";
  private static final String FUNCTION =
      "semantic_v0.1:6f633abc6f4fb362b579532ddc325e380034a85261b65bf256f77ed15efa1745";

  @Test
  void joinsHashAsTheRuntimeDoesWithOrderMatteringOnlyForSemiJoin() {
    assertThat(PipelineHashes.join(List.of(SOURCE, FUNCTION)))
        .isEqualTo(PipelineHashes.join(List.of(FUNCTION, SOURCE)))
        .isEqualTo(
            "semantic_v0.1:2720ec2209419ec4ad28eba4b9430bbcb39f9ee0c3480ec6576d8984deee185c");
    assertThat(PipelineHashes.join(List.of(FUNCTION, SOURCE, FUNCTION.replace('6', '7'))))
        .isEqualTo(
            "semantic_v0.1:e5507d6c6a555f642deabdfd34514bba74305a07de6815af4557782b8f84f929");
    assertThat(PipelineHashes.semiJoin(SOURCE, FUNCTION))
        .isEqualTo(
            "semantic_v0.1:c5d6f6c19e043d747b2ac2c1fb8926e34ce9e8e555c0fcd13f3ff526db38c58b");
    assertThat(PipelineHashes.semiJoin(FUNCTION, SOURCE))
        .isEqualTo(
            "semantic_v0.1:be3f47db74bd25fa38c738a4fe3a1828feda7a76437a48c10542a2f203c48a80");
    assertThat(PipelineHashes.mergeJoin(FUNCTION, SOURCE))
        .isEqualTo(PipelineHashes.mergeJoin(SOURCE, FUNCTION))
        .isEqualTo(
            "semantic_v0.1:ee29fe5a43154a6538a023ef8943de0d5d4324592b5551957cf80c224a064dd7");
  }

  @Test
  void batchColumnAndRenameOperatorsHashAsTheRuntimeDoes() {
    assertThat(PipelineHashes.batch(10, true, SOURCE))
        .isEqualTo(
            "semantic_v0.1:05692f74aac71d5e97f9e24cb409fd144484185855b90bf9cc55b0bf51d42a86");
    assertThat(PipelineHashes.batch(0, false, SOURCE))
        .isEqualTo(
            "semantic_v0.1:f8441d5f00c5657a45f57247a81b2ba4311dfc261f7e4fcd354ffcda6418c9ae");
    assertThat(PipelineHashes.columns("SelectTagColumns", List.of("experiment"), SOURCE))
        .isEqualTo(
            "semantic_v0.1:82b6e8d65e2e552a9d13d4aa43b53967efc07426d782717de601e15fa89d14bb");
    assertThat(
            PipelineHashes.columns(
                "DropPacketColumns", List.of("pressureKpa", "temperatureC"), SOURCE))
        .isEqualTo(
            "semantic_v0.1:5ce4d5b85fae97d9aa2e801ee5e51e6cb31564fc11dbe3bcba3496b1e86eb3fe");
    assertThat(PipelineHashes.rename("MapTags", Map.of("experiment", "run"), false, SOURCE))
        .isEqualTo(
            "semantic_v0.1:f6dc1d4ea47b4fa0e3df47184432e11396b7a67d1608b0136cb2ddf6cfed476e");
    assertThat(
            PipelineHashes.rename(
                "MapPackets",
                Map.of("temperatureC", "celsius", "pressureKpa", "kpa"),
                true,
                SOURCE))
        .isEqualTo(
            "semantic_v0.1:443c4858f099729a9f6a563d22f4ff35f2c870c6697f35f86ff387bc0fc82138");
  }

  @Test
  void filtersHashAsTheRuntimesCanonicalPredicates() throws PredicateSyntaxException {
    RowSchema readings =
        new RowSchema(
            List.of(Column.of("experiment", "String")),
            List.of(Column.of("fahrenheit", "double"), Column.of("highPressure", "boolean")));
    // A double column takes 50 as 50.0; and-operands are sorted, so their order does not matter.
    assertThat(
            PipelineHashes.filter(
                Predicate.parse("highPressure = true and fahrenheit > 50"), readings, FUNCTION))
        .isEqualTo(
            PipelineHashes.filter(
                Predicate.parse("fahrenheit > 50.0 and highPressure = true"), readings, FUNCTION))
        .isEqualTo(
            "semantic_v0.1:7ec6c2d2b5681074779704968ffa2a56476066ff3444633c164daaeacf829743");
    // in-values sorted and distinct; not.
    assertThat(
            PipelineHashes.filter(
                Predicate.parse(
                    "experiment in ('exp2', 'exp1', 'exp2') and not temperatureC < -10.5"),
                MEASUREMENT,
                SOURCE))
        .isEqualTo(
            "semantic_v0.1:0f0f54db8137a70feaa29c035f3d2dd3829ace91f46145336822e7386ea611a9");
    // Nested or flattened; an integer on a long column stays a long; 1e-5 written as Python does.
    RowSchema counts =
        new RowSchema(
            List.of(Column.of("id", "String")),
            List.of(Column.of("n", "long"), Column.of("x", "double")));
    assertThat(
            PipelineHashes.filter(Predicate.parse("(n >= 3 or x < 1e-5) or n = 1"), counts, SOURCE))
        .isEqualTo(
            "semantic_v0.1:db2e4a9fd658203a5a57d1d50330a3c4c7989dab5520f74505db3159870a35c0");
    // Null tests; the negation of one is the opposite test, as the runtime's not() makes it.
    assertThat(
            PipelineHashes.filter(Predicate.parse("not (n is null) or x is null"), counts, SOURCE))
        .isEqualTo(
            PipelineHashes.filter(Predicate.parse("x is null or n is not null"), counts, SOURCE))
        .isEqualTo(
            "semantic_v0.1:cc6c219c03b2f132859ff2dc716cabc6dfb56d515d223cb672540662fdca6dc0");
  }

  @Test
  void aFunctionOfSeveralInputsHashesOverTheirJoin() {
    List<Column> outputs =
        List.of(Column.of("fahrenheit", "double"), Column.of("highPressure", "boolean"));
    assertThat(PipelineHashes.function("convert", 1, outputs, List.of(SOURCE))).contains(FUNCTION);
    assertThat(PipelineHashes.function("convert", 1, outputs, List.of(FUNCTION, SOURCE)))
        .contains("semantic_v0.1:4f69823c92e015668162e794254b13d76e274baac5901715d20519c9d1d221de");
  }
}
