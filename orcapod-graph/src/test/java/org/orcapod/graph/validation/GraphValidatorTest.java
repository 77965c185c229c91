package org.orcapod.graph.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orcapod.graph.validation.Graphs.col;
import static org.orcapod.graph.validation.Graphs.declared;
import static org.orcapod.graph.validation.Graphs.nullable;
import static org.orcapod.graph.validation.Graphs.row;
import static org.orcapod.graph.validation.Graphs.tags;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orcapod.graph.Anchor;
import org.orcapod.graph.Column;
import org.orcapod.graph.ColumnType;
import org.orcapod.graph.Diagnostic;
import org.orcapod.graph.DiagnosticKind;
import org.orcapod.graph.Input;
import org.orcapod.graph.Node;
import org.orcapod.graph.NodeSpec;
import org.orcapod.graph.RowSchema;

class GraphValidatorTest {
  private static final RowSchema MEASUREMENT =
      row(
          tags(col("experiment", "String")),
          col("temperatureC", "double"),
          col("pressureKpa", "double"));

  private static NodeSpec.Apply convert(boolean cartesian) {
    return new NodeSpec.Apply(
        "LabFunctions.convert",
        List.of(col("temperatureC", "double"), col("pressureKpa", "double")),
        List.of(col("fahrenheit", "double"), col("highPressure", "boolean")),
        cartesian);
  }

  private static Graphs lab() {
    return new Graphs().source("measurements", "Measurement", MEASUREMENT);
  }

  private static Diagnostic only(ValidationResult result) {
    assertThat(result.diagnostics()).hasSize(1);
    return result.diagnostics().get(0);
  }

  @Test
  void validLabPipelinePredictsEverySchema() {
    RowSchema reading =
        row(
            tags(col("experiment", "String")),
            col("fahrenheit", "double"),
            col("highPressure", "boolean"));
    ValidationResult result =
        lab()
            .node("readings", declared("Reading", reading), convert(false), "measurements")
            .node("high", new NodeSpec.Filter("highPressure = true"), "readings")
            .validate();

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.schemas()).containsEntry("readings", reading).containsEntry("high", reading);
  }

  @Test
  void unknownUpstreamSuggestsTheClosestNode() {
    Diagnostic d = only(lab().node("readings", convert(false), "measurement").validate());

    assertThat(d.kind()).isEqualTo(DiagnosticKind.UNKNOWN_UPSTREAM);
    assertThat(d.anchor()).isEqualTo(Anchor.parameter("readings", "measurement"));
    assertThat(d.render())
        .startsWith("[Orcapod/UnknownUpstream] Node 'readings' reads from 'measurement'")
        .contains("Did you mean 'measurements'?");
  }

  @Test
  void cycleIsReportedOnceWithItsFullPathInDataFlowOrder() {
    NodeSpec join = new NodeSpec.Join(true);
    ValidationResult result =
        lab()
            .node("a", join, "measurements", "c")
            .node("b", join, "measurements", "a")
            .node("c", join, "measurements", "b")
            .validate();

    Diagnostic d = only(result);
    assertThat(d.kind()).isEqualTo(DiagnosticKind.DAG_CYCLE);
    assertThat(d.render()).contains("a -> b -> c -> a");
    assertThat(d.anchor()).isEqualTo(Anchor.parameter("a", "c"));
  }

  @Test
  void selfLoopIsACycle() {
    Diagnostic d = only(lab().node("a", new NodeSpec.Filter("pressureKpa > 1"), "a").validate());

    assertThat(d.render()).contains("a -> a");
  }

  @Test
  void duplicateLabelsAndNames() {
    RowSchema r = MEASUREMENT;
    ValidationResult result =
        lab()
            .add(
                new Node(
                    "x",
                    "shared",
                    List.of(Input.of("measurements")),
                    null,
                    new NodeSpec.Filter("pressureKpa > 1")))
            .add(
                new Node(
                    "y",
                    "shared",
                    List.of(Input.of("measurements")),
                    null,
                    new NodeSpec.Filter("pressureKpa > 2")))
            .source("measurements", "Measurement", r)
            .validate();

    assertThat(result.diagnostics())
        .extracting(Diagnostic::render)
        .containsExactly(
            "[Orcapod/DuplicateLabel] Label 'shared' of node 'y' is already the label of node 'x'."
                + " Labels name stored results, logs and status, so they must be unique; give one"
                + " of the nodes another label with @Label.",
            "[Orcapod/DuplicateLabel] Two nodes are named 'measurements'. Parameters refer to"
                + " nodes by method name, so overloaded node methods are ambiguous; rename one of"
                + " the methods.");
  }

  @Test
  void parameterTypeMustBeTheUpstreamRowType() {
    ValidationResult result =
        lab()
            .add(
                new Node(
                    "high",
                    "high",
                    List.of(new Input("measurements", "test.Reading")),
                    null,
                    new NodeSpec.Filter("pressureKpa > 1")))
            .validate();

    Diagnostic d = only(result);
    assertThat(d.render())
        .isEqualTo(
            "[Orcapod/TypeMismatch] Parameter 'measurements' of node 'high' has type Reading, but"
                + " node 'measurements' produces Measurement rows. Change the parameter's type to"
                + " Measurement.");
  }

  @Test
  void functionParameterWithoutColumnSuggestsOne() {
    NodeSpec.Apply spec =
        new NodeSpec.Apply(
            "F.f",
            List.of(col("temperatureC", "double"), col("presureKpa", "double")),
            List.of(col("out", "double")),
            false);
    ValidationResult result = lab().node("f", spec, "measurements").validate();

    assertThat(result.diagnostics())
        .extracting(Diagnostic::kind)
        .containsExactly(DiagnosticKind.UNKNOWN_COLUMN, DiagnosticKind.UNCONSUMED_COLUMN);
    assertThat(result.diagnostics().get(0).render())
        .isEqualTo(
            "[Orcapod/UnknownColumn] Parameter 'presureKpa' of function F.f refers to column"
                + " 'presureKpa', but the input of node 'f' has no such column. Did you mean"
                + " 'pressureKpa'? Available: 'temperatureC', 'pressureKpa'. Rename the parameter"
                + " to match a packet column, or rename the column with @MapPackets.");
    assertThat(result.diagnostics().get(0).anchor()).isEqualTo(Anchor.annotation("f", "value"));
  }

  @Test
  void functionParameterNamingATagExplainsThatFunctionsReadPackets() {
    NodeSpec.Apply spec =
        new NodeSpec.Apply(
            "F.f",
            List.of(
                col("experiment", "String"),
                col("temperatureC", "double"),
                col("pressureKpa", "double")),
            List.of(col("out", "double")),
            false);
    Diagnostic d = only(lab().node("f", spec, "measurements").validate());

    assertThat(d.render()).contains("'experiment' is a tag column");
  }

  @Test
  void nullableColumnIntoNonNullParameterIsATypeMismatchNamingBoth() {
    RowSchema m =
        row(
            tags(col("experiment", "String")),
            col("temperatureC", "double"),
            nullable("pressureKpa", "double"));
    ValidationResult result =
        new Graphs()
            .source("measurements", "Measurement", m)
            .node("f", convert(false), "measurements")
            .validate();

    Diagnostic d = only(result);
    assertThat(d.render())
        .isEqualTo(
            "[Orcapod/TypeMismatch] Parameter 'pressureKpa' of function LabFunctions.convert is"
                + " double (non-null), but packet column 'pressureKpa' of the input of node 'f' is"
                + " double (nullable). Nulls cannot flow into a non-null slot: annotate it"
                + " @Nullable (or use Optional<Double>), or have a packet function upstream"
                + " return a non-null value (a @Filter keeps a column\'s nullable type).");
  }

  @Test
  void differentTypeNamesSuggestTheColumnType() {
    NodeSpec.Apply spec =
        new NodeSpec.Apply(
            "F.f",
            List.of(col("temperatureC", "long"), col("pressureKpa", "double")),
            List.of(col("out", "double")),
            false);
    Diagnostic d = only(lab().node("f", spec, "measurements").validate());

    assertThat(d.render()).contains("is long (non-null), but").contains("Declare it as double");
  }

  @Test
  void joinRejectsAPacketColumnInTwoInputs() {
    ValidationResult result =
        lab()
            .source(
                "other",
                "Other",
                row(tags(col("experiment", "String")), col("pressureKpa", "double")))
            .node("j", new NodeSpec.Join(false), "measurements", "other")
            .validate();

    Diagnostic d = only(result);
    assertThat(d.kind()).isEqualTo(DiagnosticKind.PACKET_COLUMN_COLLISION);
    assertThat(d.anchor()).isEqualTo(Anchor.parameter("j", "other"));
    assertThat(d.render())
        .contains("joins 'measurements' and 'other', which both have packet column 'pressureKpa'");
  }

  @Test
  void joinRejectsSharedTagsOfDifferentTypes() {
    ValidationResult result =
        lab()
            .source("other", "Other", row(tags(col("experiment", "long")), col("note", "String")))
            .node("j", new NodeSpec.Join(false), "measurements", "other")
            .validate();

    Diagnostic d = only(result);
    assertThat(d.render())
        .isEqualTo(
            "[Orcapod/IncompatibleTagTypes] Node 'j' joins on tag 'experiment', which is String"
                + " (non-null) in 'measurements' but long (non-null) in 'other'. Give the tag one"
                + " type in both row records (or rename one with @MapTags if they mean different"
                + " things).");
  }

  @Test
  void joinWithoutSharedTagsNeedsTheOptIn() {
    Graphs g =
        lab().source("other", "Other", row(tags(col("site", "String")), col("note", "String")));
    Diagnostic d = only(g.node("j", new NodeSpec.Join(false), "measurements", "other").validate());

    assertThat(d.kind()).isEqualTo(DiagnosticKind.CARTESIAN_JOIN);
    assertThat(d.anchor()).isEqualTo(Anchor.annotation("j", "allowCartesian"));
    assertThat(d.render())
        .contains("'measurements' (tags [experiment]) and 'other' (tags [site])")
        .contains("allowCartesian = true");

    ValidationResult allowed =
        lab()
            .source("other", "Other", row(tags(col("site", "String")), col("note", "String")))
            .node("j", new NodeSpec.Join(true), "measurements", "other")
            .validate();
    assertThat(allowed.diagnostics()).isEmpty();
    assertThat(allowed.schemas().get("j").tagNames()).containsExactly("experiment", "site");
  }

  @Test
  void applyWithSeveralInputsJoinsThemFirst() {
    RowSchema temps = row(tags(col("experiment", "String")), col("temperatureC", "double"));
    RowSchema pressures = row(tags(col("experiment", "String")), col("pressureKpa", "double"));
    ValidationResult result =
        new Graphs()
            .source("temps", "T", temps)
            .source("pressures", "P", pressures)
            .node("readings", convert(false), "temps", "pressures")
            .validate();

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.schemas().get("readings").packetNames())
        .containsExactly("fahrenheit", "highPressure");
  }

  @Test
  void mergeJoinTurnsSharedPacketColumnsIntoLists() {
    RowSchema a = row(tags(col("day", "LocalDate")), col("reading", "double"), col("a", "String"));
    RowSchema b = row(tags(col("day", "LocalDate")), col("reading", "double"));
    ValidationResult result =
        new Graphs()
            .source("a", "A", a)
            .source("b", "B", b)
            .node("m", new NodeSpec.MergeJoin(false), "a", "b")
            .validate();

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.schemas().get("m").packets())
        .containsExactly(new Column("reading", ColumnType.of("List<Double>")), col("a", "String"));
  }

  @Test
  void mergeJoinNeedsOneTypeForSharedPacketColumns() {
    RowSchema a = row(tags(col("day", "LocalDate")), col("reading", "double"));
    RowSchema b = row(tags(col("day", "LocalDate")), col("reading", "long"));
    Diagnostic d =
        only(
            new Graphs()
                .source("a", "A", a)
                .source("b", "B", b)
                .node("m", new NodeSpec.MergeJoin(false), "a", "b")
                .validate());

    assertThat(d.kind()).isEqualTo(DiagnosticKind.TYPE_MISMATCH);
    assertThat(d.render()).contains("long (non-null)").contains("double (non-null)");
  }

  @Test
  void semiJoinKeepsTheFirstInputsSchema() {
    RowSchema approvals = row(tags(col("experiment", "String")), col("approved", "boolean"));
    ValidationResult result =
        lab()
            .source("approvals", "Approval", approvals)
            .node("kept", new NodeSpec.SemiJoin(), "measurements", "approvals")
            .validate();

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.schemas().get("kept")).isEqualTo(MEASUREMENT);
  }

  @Test
  void semiJoinNeedsExactlyTwoInputs() {
    Diagnostic d = only(lab().node("kept", new NodeSpec.SemiJoin(), "measurements").validate());

    assertThat(d.render())
        .isEqualTo(
            "[Orcapod/InvalidNode] @SemiJoin node 'kept' takes exactly 2 inputs, but declares 1."
                + " Each parameter names one upstream node; add or remove parameters.");
  }

  @Test
  void batchMakesEveryColumnAList() {
    ValidationResult result =
        lab().node("b", new NodeSpec.Batch(0, false), "measurements").validate();

    assertThat(result.schemas().get("b"))
        .isEqualTo(
            row(
                tags(col("experiment", "List<String>")),
                col("temperatureC", "List<Double>"),
                col("pressureKpa", "List<Double>")));
  }

  @Test
  void batchSizeMustNotBeNegative() {
    Diagnostic d = only(lab().node("b", new NodeSpec.Batch(-1, false), "measurements").validate());

    assertThat(d.anchor()).isEqualTo(Anchor.annotation("b", "size"));
    assertThat(d.kind()).isEqualTo(DiagnosticKind.INVALID_ANNOTATION);
  }

  @Test
  void selectTakesItsColumnsFromTheDeclaredRow() {
    RowSchema temps = row(tags(col("experiment", "String")), col("temperatureC", "double"));
    assertThat(
            lab()
                .node("t", declared("Temps", temps), new NodeSpec.Select(null), "measurements")
                .validate()
                .diagnostics())
        .isEmpty();

    RowSchema typo = row(tags(col("experiment", "String")), col("temperatureF", "double"));
    Diagnostic d =
        only(
            lab()
                .node("t", declared("Temps", typo), new NodeSpec.Select(null), "measurements")
                .validate());
    assertThat(d.anchor()).isEqualTo(Anchor.returnType("t", "temperatureF"));
    assertThat(d.render())
        .startsWith("[Orcapod/UnknownColumn] Component 'temperatureF' of Temps refers to column")
        .contains("Did you mean 'temperatureC'?");
  }

  @Test
  void dropRemovesExistingColumnsOnly() {
    ValidationResult ok =
        lab().node("d", new NodeSpec.Drop(List.of("pressureKpa")), "measurements").validate();
    assertThat(ok.schemas().get("d").packetNames()).containsExactly("temperatureC");

    Diagnostic d =
        only(lab().node("d", new NodeSpec.Drop(List.of("pressure")), "measurements").validate());
    assertThat(d.render()).contains("Did you mean 'pressureKpa'?");
  }

  @Test
  void mapTagsRenamesAndReportsWrongRoleAndCollisions() {
    Map<String, String> renames = new LinkedHashMap<>();
    renames.put("experiment", "run");
    ValidationResult ok =
        lab().node("m", new NodeSpec.MapTags(renames, false), "measurements").validate();
    assertThat(ok.schemas().get("m").tagNames()).containsExactly("run");

    Diagnostic wrongRole =
        only(
            lab()
                .node("m", new NodeSpec.MapTags(Map.of("pressureKpa", "p"), false), "measurements")
                .validate());
    assertThat(wrongRole.render())
        .contains("'pressureKpa' is a packet column; rename it with @MapPackets.");

    Diagnostic collision =
        only(
            lab()
                .node(
                    "m",
                    new NodeSpec.MapPackets(Map.of("pressureKpa", "temperatureC"), false),
                    "measurements")
                .validate());
    assertThat(collision.kind()).isEqualTo(DiagnosticKind.PACKET_COLUMN_COLLISION);
    assertThat(collision.render()).contains("renames 'pressureKpa' to 'temperatureC'");
  }

  @Test
  void filterPredicateIsParsedAndCheckedAgainstTheSchema() {
    Diagnostic syntax =
        only(lab().node("f", new NodeSpec.Filter("pressureKpa >"), "measurements").validate());
    assertThat(syntax.kind()).isEqualTo(DiagnosticKind.INVALID_PREDICATE);
    assertThat(syntax.render()).contains("expected a literal").contains("at position 14");

    Diagnostic unknown =
        only(lab().node("f", new NodeSpec.Filter("presureKpa > 1"), "measurements").validate());
    assertThat(unknown.kind()).isEqualTo(DiagnosticKind.UNKNOWN_COLUMN);
    assertThat(unknown.render()).contains("Did you mean 'pressureKpa'?");

    Diagnostic literal =
        only(lab().node("f", new NodeSpec.Filter("experiment = 3"), "measurements").validate());
    assertThat(literal.render())
        .isEqualTo(
            "[Orcapod/TypeMismatch] The predicate of @Filter node 'f' compares column"
                + " 'experiment', which is String (non-null), with integer literal 3. Compare it"
                + " with a quoted string such as 'exp1'.");
  }

  @Test
  void declaredRowMustMatchWhatTheNodeProduces() {
    RowSchema wrong =
        row(
            tags(),
            col("experiment", "String"),
            col("fahrenheit", "double"),
            col("celsius", "double"));
    Diagnostic d =
        only(
            lab().node("r", declared("Reading", wrong), convert(false), "measurements").validate());

    assertThat(d.anchor()).isEqualTo(Anchor.returnType("r", ""));
    assertThat(d.render())
        .isEqualTo(
            "[Orcapod/RowTypeMismatch] Node 'r' declares rows of Reading, but it produces tags"
                + " [experiment] and packets [fahrenheit, highPressure]. It lacks 'highPressure'."
                + " It has 'celsius', which the node does not produce. Tag and packet roles differ"
                + " for 'experiment' (mark exactly the tag components @Tag). Make the components"
                + " of Reading match.");
  }

  @Test
  void declaredComponentTypeIsChecked() {
    RowSchema reading =
        row(
            tags(col("experiment", "String")),
            col("fahrenheit", "long"),
            col("highPressure", "boolean"));
    Diagnostic d =
        only(
            lab()
                .node("r", declared("Reading", reading), convert(false), "measurements")
                .validate());

    assertThat(d.anchor()).isEqualTo(Anchor.returnType("r", "fahrenheit"));
    assertThat(d.kind()).isEqualTo(DiagnosticKind.TYPE_MISMATCH);
  }

  @Test
  void aBrokenNodeDoesNotCascadeDownstream() {
    ValidationResult result =
        lab()
            .node("f", new NodeSpec.Filter("nope > 1"), "measurements")
            .node("g", new NodeSpec.Filter("alsoNope > 1"), "f")
            .validate();

    assertThat(result.diagnostics()).hasSize(1);
    assertThat(result.diagnostics().get(0).anchor().node()).isEqualTo("f");
  }
}
