package org.orcapod.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;
import org.orcapod.graph.Column;
import org.orcapod.graph.Input;
import org.orcapod.graph.Node;
import org.orcapod.graph.NodeSpec;
import org.orcapod.graph.PipelineGraph;
import org.orcapod.graph.RowSchema;
import org.orcapod.graph.identity.PipelineHashes;
import org.orcapod.graph.predicate.Predicate;
import org.orcapod.graph.predicate.PredicateSyntaxException;

/**
 * Writes the implementation of one valid {@code @Pipeline} type: a class {@code Orcapod<Type>} with
 * a builder that binds the source nodes (checked against their records) and wires the DAG through
 * the runtime's API into a compiled {@code Pipeline}, one typed node handle per node, and a
 * reflection-free reader from Arrow to each row record.
 *
 * <p>Nodes are written in declaration order, helper methods sorted by record name, so the output is
 * deterministic.
 */
final class PipelineWriter {
  /** The runtime class a generated pipeline uses; without it, no pipeline is generated. */
  static final String RUNTIME_TYPED_NODE = "org.orcapod.pipeline.typed.TypedNode";

  private static final String TYPED = "org.orcapod.pipeline.typed";
  private static final ClassName TYPED_NODE = ClassName.get(TYPED, "TypedNode");
  private static final ClassName ROW_READER = ClassName.get(TYPED, "RowReader");
  private static final ClassName SOURCE_BINDINGS = ClassName.get(TYPED, "SourceBindings");
  private static final ClassName GENERATED_PIPELINE = ClassName.get(TYPED, "GeneratedPipeline");
  private static final ClassName GENERATED_BUILDER = GENERATED_PIPELINE.nestedClass("Builder");
  private static final ClassName PIPELINE = ClassName.get("org.orcapod.pipeline", "Pipeline");
  private static final ClassName SOURCE_CONTEXT =
      ClassName.get("org.orcapod.source", "SourceContext");
  private static final ClassName TABLE_SOURCE =
      ClassName.get("org.orcapod.source", "ArrowTableSource");
  private static final ClassName STREAM = ClassName.get("org.orcapod.stream", "Stream");
  private static final ClassName ROOT_SOURCE = ClassName.get("org.orcapod.source", "RootSource");
  private static final ClassName STREAM_SCHEMA =
      ClassName.get("org.orcapod.stream", "StreamSchema");
  private static final ClassName SCHEMA = ClassName.get("org.orcapod.schema", "Schema");
  private static final ClassName FUNCTION_POD =
      ClassName.get("org.orcapod.function", "FunctionPod");
  private static final ClassName OPERATOR_CONTEXT =
      ClassName.get("org.orcapod.operator", "OperatorContext");
  private static final ClassName PREDICATE =
      ClassName.get("org.orcapod.operator.predicate", "Predicate");
  private static final ClassName ORCAPOD_EXCEPTION =
      ClassName.get("org.orcapod.error", "OrcapodException");
  private static final ClassName ALLOCATOR =
      ClassName.get("org.apache.arrow.memory", "BufferAllocator");
  private static final ClassName ROOT =
      ClassName.get("org.apache.arrow.vector", "VectorSchemaRoot");
  private static final ClassName FIELD_VECTOR =
      ClassName.get("org.apache.arrow.vector", "FieldVector");
  private static final ClassName ARROW_SCHEMA =
      ClassName.get("org.apache.arrow.vector.types.pojo", "Schema");
  private static final ClassName FIELD =
      ClassName.get("org.apache.arrow.vector.types.pojo", "Field");
  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName MAP = ClassName.get("java.util", "Map");
  private static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
  private static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");
  private static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
  private static final ClassName AUTO_CLOSEABLE = ClassName.get("java.lang", "AutoCloseable");
  private static final ClassName STRING = ClassName.get(String.class);

  private final Types types;
  private final PodWriter pods;

  PipelineWriter(Types types, PodWriter pods) {
    this.types = types;
    this.pods = pods;
  }

  /**
   * The simple name of the generated class: {@code Orcapod} and the enclosing types' simple names
   * joined by {@code _} ({@code Lab} → {@code OrcapodLab}, {@code Outer.Lab} → {@code
   * OrcapodOuter_Lab}).
   */
  static String className(TypeElement type) {
    StringBuilder b = new StringBuilder(type.getSimpleName());
    for (Element e = type.getEnclosingElement();
        e instanceof TypeElement t;
        e = t.getEnclosingElement()) {
      b.insert(0, t.getSimpleName() + "_");
    }
    return "Orcapod" + b;
  }

  /** One node as the writer needs it. */
  private record NodeInfo(
      Node node,
      ExecutableElement method,
      TypeElement record,
      String local,
      String field,
      @Nullable FunctionModel function) {}

  /** The generated source of {@code type}'s implementation. */
  JavaFile write(TypeElement type, PipelineReader.Result result) {
    PipelineGraph graph = result.graph();
    Map<String, RowSchema> schemas = result.validation().schemas();
    String pkg = PodWriter.packageOf(type);
    String name = className(type);
    ClassName self = ClassName.get(pkg, name);
    ClassName builderName = self.nestedClass("Builder");

    List<NodeInfo> nodes = new ArrayList<>();
    Map<String, NodeInfo> byName = new LinkedHashMap<>();
    for (Node n : graph.nodes()) {
      ExecutableElement method = result.methods().get(n.name());
      TypeElement record = (TypeElement) types.asElement(method.getReturnType());
      NodeInfo info =
          new NodeInfo(
              n, method, record, n.name() + "Stream", n.name(), result.functions().get(n.name()));
      nodes.add(info);
      byName.put(n.name(), info);
    }
    Map<String, String> declaredHashes = declaredHashes(nodes, schemas);
    // Row records: one reader each; source records also get a table writer.
    Map<String, TypeElement> readRecords = new TreeMap<>();
    Map<String, NodeInfo> sourceRecords = new TreeMap<>();
    for (NodeInfo n : nodes) {
      readRecords.put(n.record().getQualifiedName().toString(), n.record());
      if (n.node().spec() instanceof NodeSpec.Source) {
        sourceRecords.putIfAbsent(n.record().getQualifiedName().toString(), n);
      }
    }

    TypeSpec.Builder cls =
        TypeSpec.classBuilder(name)
            .addOriginatingElement(type)
            .addJavadoc(
                "The pipeline {@code $L} declared by {@link $T}: build it with {@link #builder()},"
                    + "\nbinding each source node, then run it and read each node's rows through"
                    + " its typed\nhandle.\n",
                graph.name(),
                TypeName.get(types.erasure(type.asType())))
            .addAnnotation(
                AnnotationSpec.builder(PodWriter.GENERATED)
                    .addMember("value", "$S", PodWriter.GENERATOR)
                    .addMember("comments", "$S", "orcapod")
                    .build())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .superclass(GENERATED_PIPELINE);
    cls.addField(
        FieldSpec.builder(STRING, "NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The pipeline's name; it scopes the pipeline's stored records.\n")
            .initializer("$S", graph.name())
            .build());
    for (NodeInfo n : nodes) {
      if (n.node().spec() instanceof NodeSpec.Source) {
        cls.addField(
            FieldSpec.builder(
                    STREAM_SCHEMA,
                    schemaConstant(n),
                    Modifier.PUBLIC,
                    Modifier.STATIC,
                    Modifier.FINAL)
                .addJavadoc(
                    "The tag and packet schemas of source node {@code $L} ($L rows); a bound source"
                        + " must have\nexactly these.\n",
                    n.node().name(),
                    n.record().getSimpleName())
                .initializer(streamSchema(n))
                .build());
      }
    }
    for (NodeInfo n : nodes) {
      String hash = declaredHashes.get(n.node().name());
      if (hash != null) {
        cls.addField(
            FieldSpec.builder(
                    STRING, hashConstant(n), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(
                    "The pipeline hash of node {@code $L}, computed by the processor from the"
                        + " declared schemas\nand functions; {@link Builder#build()} checks it"
                        + " against the runtime's.\n",
                    n.node().name())
                .initializer("$S", hash)
                .build());
      }
    }
    for (NodeInfo n : nodes) {
      cls.addField(typedNode(n), n.field(), Modifier.PRIVATE, Modifier.FINAL);
    }

    MethodSpec.Builder ctor =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(PIPELINE, "pipeline")
            .addParameter(ALLOCATOR, "allocator")
            .addStatement("super(pipeline)");
    for (NodeInfo n : nodes) {
      ctor.addStatement(
          "this.$L = new $T<>(pipeline, $S, $T.class, $T::$L, allocator)",
          n.field(),
          TYPED_NODE,
          n.node().label(),
          recordType(n.record()),
          self,
          rowsOf(n.record()));
    }
    cls.addMethod(ctor.build());

    cls.addMethod(
        MethodSpec.methodBuilder("builder")
            .addJavadoc("Starts building the pipeline.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(builderName)
            .addStatement("return new $T()", builderName)
            .build());
    for (NodeInfo n : nodes) {
      cls.addMethod(
          MethodSpec.methodBuilder(n.node().name())
              .addJavadoc(
                  "The node {@code $L} (label {@code $L}), whose rows are {@link $T} records.\n",
                  n.node().name(),
                  n.node().label(),
                  recordType(n.record()))
              .addModifiers(Modifier.PUBLIC)
              .returns(typedNode(n))
              .addStatement("return $L", n.field())
              .build());
    }

    List<NodeInfo> sourceNodes = new ArrayList<>();
    for (NodeInfo n : nodes) {
      if (n.node().spec() instanceof NodeSpec.Source) {
        sourceNodes.add(n);
        cls.addMethod(sourceOf(n));
      }
    }
    cls.addMethod(declaredPipelineHashes(nodes, sourceNodes, builderName));

    PodWriter.Converters conv = pods.new Converters();
    for (TypeElement r : readRecords.values()) {
      cls.addMethod(reader(r, conv));
    }
    for (NodeInfo n : sourceRecords.values()) {
      cls.addMethod(tableWriter(n, conv));
    }
    conv.addTo(cls);

    cls.addType(builder(graph, nodes, byName, schemas, self, builderName, declaredHashes));
    return JavaFile.builder(pkg, cls.build()).skipJavaLangImports(true).indent("  ").build();
  }

  private TypeName recordType(TypeElement record) {
    return TypeName.get(types.erasure(record.asType()));
  }

  private TypeName typedNode(NodeInfo n) {
    return ParameterizedTypeName.get(TYPED_NODE, recordType(n.record()));
  }

  private static String schemaConstant(NodeInfo n) {
    return upperSnake(n.node().name()) + "_SCHEMA";
  }

  private static String upperSnake(String camel) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && camel.charAt(i - 1) != '_') {
        b.append('_');
      }
      b.append(c);
    }
    return b.toString().toUpperCase(Locale.ROOT);
  }

  private static String flatName(TypeElement r) {
    StringBuilder b = new StringBuilder(r.getSimpleName());
    for (Element e = r.getEnclosingElement();
        e instanceof TypeElement t;
        e = t.getEnclosingElement()) {
      b.insert(0, t.getSimpleName() + "_");
    }
    return b.toString();
  }

  private static String rowsOf(TypeElement r) {
    return "rowsOf" + flatName(r);
  }

  private static String tableOf(TypeElement r) {
    return "tableOf" + flatName(r);
  }

  private List<RecordComponentElement> components(TypeElement r) {
    return ElementFilter.recordComponentsIn(r.getEnclosedElements());
  }

  /** The declared record's schemas, with the Arrow fields the pods use for the same types. */
  private CodeBlock streamSchema(NodeInfo n) {
    RowSchema declared = n.node().declared().schema();
    Map<String, RecordComponentElement> byName = new LinkedHashMap<>();
    for (RecordComponentElement c : components(n.record())) {
      byName.put(c.getSimpleName().toString(), c);
    }
    List<CodeBlock> tags = new ArrayList<>();
    for (Column c : declared.tags()) {
      tags.add(
          pods.field(
              CodeBlock.of("$S", c.name()), byName.get(c.name()).asType(), c.type().nullable()));
    }
    List<CodeBlock> packets = new ArrayList<>();
    for (Column c : declared.packets()) {
      packets.add(
          pods.field(
              CodeBlock.of("$S", c.name()), byName.get(c.name()).asType(), c.type().nullable()));
    }
    return CodeBlock.of(
        "new $T($T.of($L), $T.of($L))",
        STREAM_SCHEMA,
        SCHEMA,
        PodWriter.listOf(tags),
        SCHEMA,
        PodWriter.listOf(packets));
  }

  private static String hashConstant(NodeInfo n) {
    return upperSnake(n.node().name()) + "_PIPELINE_HASH";
  }

  /**
   * The pipeline hashes the processor computes ({@link org.orcapod.graph.identity.PipelineHashes})
   * for every node whose columns it can hash (no struct columns) and whose inputs it could hash:
   * sources, {@code @Apply} (several inputs joined first) and every operator, wired exactly as
   * {@link #wire} wires them.
   */
  private static Map<String, String> declaredHashes(
      List<NodeInfo> nodes, Map<String, RowSchema> schemas) {
    Map<String, String> hashes = new LinkedHashMap<>();
    for (NodeInfo n : nodes) {
      Node node = n.node();
      NodeSpec spec = node.spec();
      List<String> inputs = new ArrayList<>();
      for (Input in : node.inputs()) {
        String h = hashes.get(in.upstream());
        if (h == null) {
          break;
        }
        inputs.add(h);
      }
      if (inputs.size() != node.inputs().size()) {
        continue;
      }
      java.util.Optional<String> hash = java.util.Optional.empty();
      String in0 = inputs.isEmpty() ? "" : inputs.get(0);
      RowSchema input =
          node.inputs().isEmpty() ? null : schemas.get(node.inputs().get(0).upstream());
      if (spec instanceof NodeSpec.Source) {
        hash = PipelineHashes.source(node.declared().schema());
      } else if (spec instanceof NodeSpec.Apply) {
        FunctionModel f = n.function();
        if (f != null) {
          hash = PipelineHashes.function(f.name(), f.major(), hashedOutputs(f), inputs);
        }
      } else if (spec instanceof NodeSpec.Join) {
        hash = java.util.Optional.of(PipelineHashes.join(inputs));
      } else if (spec instanceof NodeSpec.SemiJoin) {
        hash = java.util.Optional.of(PipelineHashes.semiJoin(inputs.get(0), inputs.get(1)));
      } else if (spec instanceof NodeSpec.MergeJoin) {
        hash = java.util.Optional.of(PipelineHashes.mergeJoin(inputs.get(0), inputs.get(1)));
      } else if (spec instanceof NodeSpec.Batch bt) {
        hash = java.util.Optional.of(PipelineHashes.batch(bt.size(), bt.dropPartial(), in0));
      } else if (spec instanceof NodeSpec.Select) {
        RowSchema declared = node.declared().schema();
        boolean sameTags = sameNames(input.tagNames(), declared.tagNames());
        boolean samePackets = sameNames(input.packetNames(), declared.packetNames());
        String h = in0;
        if (!sameTags) {
          h = PipelineHashes.columns("SelectTagColumns", declared.tagNames(), h);
        }
        if (!(samePackets && !sameTags)) {
          h = PipelineHashes.columns("SelectPacketColumns", declared.packetNames(), h);
        }
        hash = java.util.Optional.of(h);
      } else if (spec instanceof NodeSpec.Drop d) {
        List<String> tags = new ArrayList<>();
        List<String> packets = new ArrayList<>();
        for (String c : d.columns()) {
          (input.tagNames().contains(c) ? tags : packets).add(c);
        }
        String h = in0;
        if (!tags.isEmpty()) {
          h = PipelineHashes.columns("DropTagColumns", tags, h);
        }
        if (!packets.isEmpty()) {
          h = PipelineHashes.columns("DropPacketColumns", packets, h);
        }
        hash = java.util.Optional.of(h);
      } else if (spec instanceof NodeSpec.MapTags mt) {
        hash =
            java.util.Optional.of(
                PipelineHashes.rename("MapTags", mt.renames(), mt.dropUnmapped(), in0));
      } else if (spec instanceof NodeSpec.MapPackets mp) {
        hash =
            java.util.Optional.of(
                PipelineHashes.rename("MapPackets", mp.renames(), mp.dropUnmapped(), in0));
      } else if (spec instanceof NodeSpec.Filter f) {
        try {
          hash =
              java.util.Optional.of(
                  PipelineHashes.filter(Predicate.parse(f.predicate()), input, in0));
        } catch (PredicateSyntaxException e) {
          throw new IllegalStateException("a validated predicate does not parse", e);
        }
      }
      hash.ifPresent(h -> hashes.put(node.name(), h));
    }
    return hashes;
  }

  /**
   * The output columns as the pod's Arrow fields type them: a single value returned as {@code
   * Optional<T>} is a nullable column (the pod writes an empty optional as null).
   */
  private static List<Column> hashedOutputs(FunctionModel f) {
    List<Column> out = new ArrayList<>();
    boolean optional = !f.returnsRecord() && ColumnTypes.isOptional(f.method().getReturnType());
    for (Column c : f.outputs()) {
      boolean nullable = c.type().nullable() || optional;
      out.add(new Column(c.name(), new org.orcapod.graph.ColumnType(c.type().name(), nullable)));
    }
    return out;
  }

  /**
   * {@code declaredPipelineHashes(context, allocator)}: every node's pipeline hash, from the
   * declared schemas and functions alone. The pipeline is built over empty sources of the declared
   * schemas, so the runtime computes the hashes exactly as for bound sources, without any data.
   */
  private static MethodSpec declaredPipelineHashes(
      List<NodeInfo> nodes, List<NodeInfo> sources, ClassName builderName) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("declaredPipelineHashes")
            .addJavadoc(
                "Every node's pipeline hash by label, computed from the declarations alone: the"
                    + " schemas of the\nsource records, the functions and the operators. A"
                    + " pipeline built from sources of the\ndeclared schemas has exactly these"
                    + " hashes, whatever their data; the hashes name the nodes'\nstored"
                    + " tables.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(ParameterizedTypeName.get(MAP, STRING, STRING))
            .addParameter(SOURCE_CONTEXT, "context")
            .addParameter(ALLOCATOR, "allocator")
            .addStatement(
                "$T sources = new $T<>()",
                ParameterizedTypeName.get(LIST, AUTO_CLOSEABLE),
                ARRAY_LIST)
            .beginControlFlow("try")
            .addStatement(
                "$T builder = builder().allocator(allocator).context(context)", builderName);
    for (NodeInfo n : sources) {
      m.addStatement(
          "builder.$L(own(sources, emptySource($L, $S, context, allocator)))",
          n.node().name(),
          schemaConstant(n),
          n.node().name());
    }
    m.beginControlFlow("try ($T pipeline = builder.build())", builderName.enclosingClassName());
    m.addStatement(
        "$T hashes = new $T<>()", ParameterizedTypeName.get(MAP, STRING, STRING), LINKED_HASH_MAP);
    for (NodeInfo n : nodes) {
      m.addStatement("hashes.put($S, pipeline.$L.pipelineHash())", n.node().label(), n.field());
    }
    m.addStatement("return $T.unmodifiableMap(hashes)", ClassName.get("java.util", "Collections"));
    m.endControlFlow();
    m.nextControlFlow("finally");
    m.addStatement("closeAll(sources)");
    m.endControlFlow();
    return m.build();
  }

  /** {@code <node>Source(rows, context, allocator)}: an in-memory source of declared records. */
  private MethodSpec sourceOf(NodeInfo n) {
    TypeName rows = ParameterizedTypeName.get(LIST, recordType(n.record()));
    return MethodSpec.methodBuilder(n.node().name() + "Source")
        .addJavadoc(
            "A source of {@code rows} with exactly the schema source node {@code $L} declares"
                + " ({@link\n#$L}); the caller closes it.\n",
            n.node().name(),
            schemaConstant(n))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(TABLE_SOURCE)
        .addParameter(rows, "rows")
        .addParameter(SOURCE_CONTEXT, "context")
        .addParameter(ALLOCATOR, "allocator")
        .beginControlFlow(
            "try ($T table = $L(rows, $L, allocator))",
            ROOT,
            tableOf(n.record()),
            schemaConstant(n))
        .addStatement(
            "return $T.builder(table, context).tagColumns($L.tag().names()).build(allocator)",
            TABLE_SOURCE,
            schemaConstant(n))
        .endControlFlow()
        .build();
  }

  /** {@code rowsOf<Record>(table)}: reads the record's columns, a vector at a time. */
  private MethodSpec reader(TypeElement r, PodWriter.Converters conv) {
    TypeName type = recordType(r);
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(rowsOf(r))
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(ParameterizedTypeName.get(LIST, type))
            .addParameter(ROOT, "table")
            .addStatement("int rows = table.getRowCount()");
    List<CodeBlock> args = new ArrayList<>();
    List<RecordComponentElement> cs = components(r);
    for (int i = 0; i < cs.size(); i++) {
      RecordComponentElement c = cs.get(i);
      ClassName vector = PodWriter.fastVector(c.asType());
      ClassName v = vector == null ? FIELD_VECTOR : vector;
      m.addStatement(
          "$T c$L = $T.column(table, $S, $S, $T.class)",
          v,
          i,
          ROW_READER,
          r.getSimpleName(),
          c.getSimpleName(),
          v);
      args.add(pods.fastRead(c.asType(), "c" + i, PodWriter.componentNullable(c), conv));
    }
    m.addStatement("$T out = new $T<>(rows)", ParameterizedTypeName.get(LIST, type), ARRAY_LIST);
    m.beginControlFlow("for (int i = 0; i < rows; i++)");
    m.addStatement("out.add(new $T($L))", type, CodeBlock.join(args, ", "));
    m.endControlFlow();
    return m.addStatement("return out").build();
  }

  /** {@code tableOf<Record>(rows, schema, allocator)}: writes records into a new table. */
  private MethodSpec tableWriter(NodeInfo n, PodWriter.Converters conv) {
    TypeElement r = n.record();
    TypeName type = recordType(r);
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(tableOf(r))
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(ROOT)
            .addParameter(ParameterizedTypeName.get(LIST, type), "rows")
            .addParameter(STREAM_SCHEMA, "schema")
            .addParameter(ALLOCATOR, "allocator")
            .addStatement(
                "$T fields = new $T<>(schema.tag().fields())",
                ParameterizedTypeName.get(LIST, FIELD),
                ARRAY_LIST)
            .addStatement("fields.addAll(schema.packet().fields())")
            .addStatement(
                "$T table = $T.create(new $T(fields), allocator)", ROOT, ROOT, ARROW_SCHEMA)
            .beginControlFlow("try")
            .addStatement("table.allocateNew()");
    List<RecordComponentElement> cs = components(r);
    for (int i = 0; i < cs.size(); i++) {
      ClassName vector = PodWriter.fastVector(cs.get(i).asType());
      if (vector == null) {
        m.addStatement("$T c$L = table.getVector($S)", FIELD_VECTOR, i, cs.get(i).getSimpleName());
      } else {
        m.addStatement(
            "$T c$L = ($T) table.getVector($S)", vector, i, vector, cs.get(i).getSimpleName());
      }
    }
    m.beginControlFlow("for (int i = 0; i < rows.size(); i++)");
    m.addStatement("$T row = rows.get(i)", type);
    for (int i = 0; i < cs.size(); i++) {
      RecordComponentElement c = cs.get(i);
      pods.fastWrite(
          m,
          c.asType(),
          "c" + i,
          CodeBlock.of("row.$L()", c.getSimpleName()),
          PodWriter.componentNullable(c),
          conv,
          CodeBlock.of(
              "throw new $T($S, $S + i + $S)",
              ORCAPOD_EXCEPTION,
              "Orcapod/NullInNonNullColumn",
              r.getSimpleName() + " row ",
              " has null in the non-nullable column '"
                  + c.getSimpleName()
                  + "'; give it a value, or declare the component @Nullable"));
    }
    m.endControlFlow();
    m.addStatement("table.setRowCount(rows.size())");
    m.addStatement("return table");
    m.nextControlFlow("catch ($T | $T e)", RuntimeException.class, Error.class);
    m.addStatement("table.close()");
    m.addStatement("throw e");
    m.endControlFlow();
    return m.build();
  }

  private TypeSpec builder(
      PipelineGraph graph,
      List<NodeInfo> nodes,
      Map<String, NodeInfo> byName,
      Map<String, RowSchema> schemas,
      ClassName self,
      ClassName builderName,
      Map<String, String> declaredHashes) {
    TypeSpec.Builder b =
        TypeSpec.classBuilder("Builder")
            .addJavadoc(
                "Binds the sources, the database and the allocator of an {@link $T}.\n", self)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .superclass(ParameterizedTypeName.get(GENERATED_BUILDER, builderName));
    List<NodeInfo> sources = new ArrayList<>();
    for (NodeInfo n : nodes) {
      if (n.node().spec() instanceof NodeSpec.Source) {
        sources.add(n);
        b.addField(STREAM, n.field(), Modifier.PRIVATE);
      }
    }
    b.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addStatement("super(NAME)")
            .build());
    for (NodeInfo n : sources) {
      b.addMethod(
          MethodSpec.methodBuilder(n.node().name())
              .addJavadoc(
                  "Binds source node {@code $L} to {@code source}, any stream with the schema of"
                      + " {@link $T}\n({@link $T#$L}; checked by {@link #build()}). The source"
                      + " stays the caller's to close.\n",
                  n.node().name(),
                  recordType(n.record()),
                  self,
                  schemaConstant(n))
              .addModifiers(Modifier.PUBLIC)
              .returns(builderName)
              .addParameter(STREAM, "source")
              .addStatement(
                  "this.$L = $T.requireNonNull(source, $S)", n.field(), OBJECTS, n.node().name())
              .addStatement("return this")
              .build());
    }
    b.addMethod(build(graph, nodes, byName, schemas, self, sources, declaredHashes));
    return b.build();
  }

  private MethodSpec build(
      PipelineGraph graph,
      List<NodeInfo> nodes,
      Map<String, NodeInfo> byName,
      Map<String, RowSchema> schemas,
      ClassName self,
      List<NodeInfo> sources,
      Map<String, String> declaredHashes) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("build")
            .addJavadoc(
                "Checks the bindings, wires the DAG and compiles it.\n\n"
                    + "@throws $T {@code Orcapod/UnboundSource} naming every unbound source node,\n"
                    + "    or {@code Orcapod/SourceSchemaMismatch} naming the node, the column and"
                    + " the fix\n"
                    + "@throws $T {@code Orcapod/PipelineHashDrift} when the runtime computes another"
                    + " pipeline hash\n    than the processor did for a node of root sources\n",
                ClassName.get(TYPED, "SourceBindingException"),
                ORCAPOD_EXCEPTION)
            .addModifiers(Modifier.PUBLIC)
            .returns(self);
    m.addStatement("$T allocator = requireAllocator()", ALLOCATOR);
    m.addStatement("$T context = boundContext()", SOURCE_CONTEXT);
    m.addStatement(
        "$T sources = new $T<>()", ParameterizedTypeName.get(MAP, STRING, STREAM), LINKED_HASH_MAP);
    for (NodeInfo n : sources) {
      m.addStatement("sources.put($S, this.$L)", n.node().name(), n.field());
    }
    m.addStatement("$T.requireBound(NAME, sources)", SOURCE_BINDINGS);
    for (NodeInfo n : sources) {
      m.addStatement(
          "$T.check(NAME, $S, $S, $L, this.$L)",
          SOURCE_BINDINGS,
          n.node().name(),
          n.record().getQualifiedName(),
          schemaConstant(n),
          n.field());
    }
    m.addStatement(
        "$T pipeline = $T.builder(NAME, boundDatabase(), allocator).context(context).build()",
        PIPELINE,
        PIPELINE);
    m.addStatement(
        "$T owned = new $T<>()", ParameterizedTypeName.get(LIST, AUTO_CLOSEABLE), ARRAY_LIST);
    m.beginControlFlow("try");
    boolean operators = false;
    for (NodeInfo n : nodes) {
      if (!(n.node().spec() instanceof NodeSpec.Source)
          && !(n.node().spec() instanceof NodeSpec.Apply)) {
        operators = true;
      }
    }
    if (operators) {
      m.addStatement(
          "$T operators = new $T(context.semanticHasher(), allocator, context.arrowHasher())",
          OPERATOR_CONTEXT,
          OPERATOR_CONTEXT);
    }
    for (NodeInfo n : nodes) {
      wire(m, n, byName, schemas);
    }
    for (NodeInfo n : nodes) {
      m.addStatement("pipeline.add($L)", n.local());
    }
    m.addStatement("pipeline.compile()");
    if (!declaredHashes.isEmpty()) {
      List<CodeBlock> roots = new ArrayList<>();
      for (NodeInfo n : sources) {
        roots.add(CodeBlock.of("this.$L instanceof $T", n.field(), ROOT_SOURCE));
      }
      roots.add(
          CodeBlock.of("context.semanticHasher().hasherId().equals($S)", PipelineHashes.METHOD));
      m.addComment(
          "Root sources of the declared schemas: every declared hash must be the runtime's.");
      m.beginControlFlow("if ($L)", CodeBlock.join(roots, "\n    && "));
      for (NodeInfo n : nodes) {
        if (declaredHashes.containsKey(n.node().name())) {
          m.addStatement("checkPipelineHash(pipeline, $S, $L)", n.node().label(), hashConstant(n));
        }
      }
      m.endControlFlow();
    }
    m.addComment("The compiled nodes read each other; the streams above only described the DAG.");
    m.addStatement("closeAll(owned)");
    m.addStatement("return new $T(pipeline, allocator)", self);
    m.nextControlFlow("catch ($T | $T e)", RuntimeException.class, Error.class);
    m.addStatement("pipeline.close()");
    m.beginControlFlow("try");
    m.addStatement("closeAll(owned)");
    m.nextControlFlow("catch ($T suppressed)", RuntimeException.class);
    m.addStatement("e.addSuppressed(suppressed)");
    m.endControlFlow();
    m.addStatement("throw e");
    m.endControlFlow();
    return m.build();
  }

  /** The statements that create node {@code n}'s stream, labelled with its label. */
  private void wire(
      MethodSpec.Builder m,
      NodeInfo n,
      Map<String, NodeInfo> byName,
      Map<String, RowSchema> schemas) {
    Node node = n.node();
    List<CodeBlock> ins = new ArrayList<>();
    for (Input in : node.inputs()) {
      ins.add(CodeBlock.of("$L", byName.get(in.upstream()).local()));
    }
    CodeBlock inputs = CodeBlock.join(ins, ", ");
    String label = node.label();
    NodeSpec spec = node.spec();
    if (spec instanceof NodeSpec.Source) {
      m.addStatement("$T $L = pipeline.label($S, this.$L)", STREAM, n.local(), label, n.field());
      return;
    }
    if (spec instanceof NodeSpec.Apply) {
      FunctionModel f = java.util.Objects.requireNonNull(n.function(), node.name());
      ClassName pod = ClassName.get(PodWriter.packageOf(f.method()), PodWriter.podName(f));
      m.addStatement(
          "$T $L = own(owned, pipeline.label($S, new $T(new $T(), context).process(allocator, $L)))",
          STREAM,
          n.local(),
          label,
          FUNCTION_POD,
          pod,
          inputs);
      return;
    }
    RowSchema input = node.inputs().isEmpty() ? null : schemas.get(node.inputs().get(0).upstream());
    String in0 = node.inputs().isEmpty() ? "" : byName.get(node.inputs().get(0).upstream()).local();
    if (spec instanceof NodeSpec.Join) {
      operator(m, n, label, CodeBlock.of("new $T()", op("Join")), inputs);
    } else if (spec instanceof NodeSpec.SemiJoin) {
      operator(m, n, label, CodeBlock.of("new $T()", op("SemiJoin")), inputs);
    } else if (spec instanceof NodeSpec.MergeJoin) {
      operator(m, n, label, CodeBlock.of("new $T()", op("MergeJoin")), inputs);
    } else if (spec instanceof NodeSpec.Batch bt) {
      operator(
          m,
          n,
          label,
          CodeBlock.of("new $T($L, $L)", op("Batch"), bt.size(), bt.dropPartial()),
          inputs);
    } else if (spec instanceof NodeSpec.Select) {
      RowSchema declared = node.declared().schema();
      boolean sameTags = sameNames(input.tagNames(), declared.tagNames());
      boolean samePackets = sameNames(input.packetNames(), declared.packetNames());
      columnPair(
          m,
          n,
          label,
          in0,
          sameTags
              ? null
              : CodeBlock.of("new $T($L)", op("SelectTagColumns"), strings(declared.tagNames())),
          samePackets && !sameTags
              ? null
              : CodeBlock.of(
                  "new $T($L)", op("SelectPacketColumns"), strings(declared.packetNames())));
    } else if (spec instanceof NodeSpec.Drop d) {
      List<String> tags = new ArrayList<>();
      List<String> packets = new ArrayList<>();
      for (String c : d.columns()) {
        (input.tagNames().contains(c) ? tags : packets).add(c);
      }
      columnPair(
          m,
          n,
          label,
          in0,
          tags.isEmpty() ? null : CodeBlock.of("new $T($L)", op("DropTagColumns"), strings(tags)),
          packets.isEmpty()
              ? null
              : CodeBlock.of("new $T($L)", op("DropPacketColumns"), strings(packets)));
    } else if (spec instanceof NodeSpec.MapTags mt) {
      operator(
          m,
          n,
          label,
          CodeBlock.of("new $T($L, $L)", op("MapTags"), renames(mt.renames()), mt.dropUnmapped()),
          inputs);
    } else if (spec instanceof NodeSpec.MapPackets mp) {
      operator(
          m,
          n,
          label,
          CodeBlock.of(
              "new $T($L, $L)", op("MapPackets"), renames(mp.renames()), mp.dropUnmapped()),
          inputs);
    } else if (spec instanceof NodeSpec.Filter f) {
      operator(
          m,
          n,
          label,
          CodeBlock.of("new $T($L)", op("Filter"), predicate(f.predicate(), input)),
          inputs);
    } else {
      throw new IllegalStateException("cannot wire " + spec);
    }
  }

  private static ClassName op(String simple) {
    return ClassName.get("org.orcapod.operator", simple);
  }

  private static void operator(
      MethodSpec.Builder m, NodeInfo n, String label, CodeBlock operator, CodeBlock inputs) {
    m.addStatement(
        "$T $L = own(owned, pipeline.label($S, $L.process(operators, $L)))",
        STREAM,
        n.local(),
        label,
        operator,
        inputs);
  }

  /**
   * A node that changes tag and packet columns (select, drop) is two runtime operators; the first
   * is labelled {@code <label>_tags}, the second carries the node's label.
   */
  private static void columnPair(
      MethodSpec.Builder m,
      NodeInfo n,
      String label,
      String input,
      @Nullable CodeBlock tagOperator,
      @Nullable CodeBlock packetOperator) {
    if (tagOperator != null && packetOperator != null) {
      String tagsLocal = n.node().name() + "TagsStream";
      m.addStatement(
          "$T $L = own(owned, pipeline.label($S, $L.process(operators, $L)))",
          STREAM,
          tagsLocal,
          label + "_tags",
          tagOperator,
          input);
      m.addStatement(
          "$T $L = own(owned, pipeline.label($S, $L.process(operators, $L)))",
          STREAM,
          n.local(),
          label,
          packetOperator,
          tagsLocal);
      return;
    }
    CodeBlock only =
        tagOperator != null ? tagOperator : java.util.Objects.requireNonNull(packetOperator);
    m.addStatement(
        "$T $L = own(owned, pipeline.label($S, $L.process(operators, $L)))",
        STREAM,
        n.local(),
        label,
        only,
        input);
  }

  private static boolean sameNames(List<String> a, List<String> b) {
    return new java.util.TreeSet<>(a).equals(new java.util.TreeSet<>(b));
  }

  private static CodeBlock strings(List<String> names) {
    return PodWriter.listOf(PodWriter.strings(names));
  }

  private static CodeBlock renames(Map<String, String> renames) {
    List<CodeBlock> entries = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(renames).entrySet()) {
      entries.add(CodeBlock.of("$T.entry($S, $S)", MAP, e.getKey(), e.getValue()));
    }
    return CodeBlock.of("$T.ofEntries($L)", MAP, CodeBlock.join(entries, ", "));
  }

  /**
   * The runtime predicate of a checked filter. Literals take the type of their column: numbers on
   * {@code double} (and {@code BigDecimal}) columns become doubles, on {@code long} columns longs.
   */
  private static CodeBlock predicate(String text, RowSchema input) {
    Predicate parsed;
    try {
      parsed = Predicate.parse(text);
    } catch (PredicateSyntaxException e) {
      throw new IllegalStateException("a validated predicate does not parse: " + text, e);
    }
    return predicate(parsed, input);
  }

  private static CodeBlock predicate(Predicate p, RowSchema input) {
    if (p instanceof Predicate.And a) {
      return CodeBlock.of(
          "$T.allOf($T.of($L, $L))",
          PREDICATE,
          LIST,
          predicate(a.left(), input),
          predicate(a.right(), input));
    }
    if (p instanceof Predicate.Or o) {
      return CodeBlock.of(
          "$T.anyOf($T.of($L, $L))",
          PREDICATE,
          LIST,
          predicate(o.left(), input),
          predicate(o.right(), input));
    }
    if (p instanceof Predicate.Not n) {
      return CodeBlock.of("$T.not($L)", PREDICATE, predicate(n.operand(), input));
    }
    if (p instanceof Predicate.Comparison c) {
      String method =
          switch (c.operator()) {
            case EQ -> "eq";
            case NE -> "ne";
            case LT -> "lt";
            case LE -> "le";
            case GT -> "gt";
            case GE -> "ge";
          };
      return CodeBlock.of(
          "$T.col($S).$L($L)",
          PREDICATE,
          c.column(),
          method,
          literal(c.literal(), columnType(input, c.column())));
    }
    if (p instanceof Predicate.In in) {
      List<CodeBlock> values = new ArrayList<>();
      for (Predicate.Literal l : in.values()) {
        values.add(literal(l, columnType(input, in.column())));
      }
      return CodeBlock.of(
          "$T.col($S).in($T.of($L))", PREDICATE, in.column(), LIST, CodeBlock.join(values, ", "));
    }
    Predicate.IsNull isNull = (Predicate.IsNull) p;
    return CodeBlock.of(
        "$T.col($S).$L()", PREDICATE, isNull.column(), isNull.negated() ? "isNotNull" : "isNull");
  }

  private static String columnType(RowSchema input, String column) {
    return input.column(column).map(c -> c.type().name()).orElse("String");
  }

  private static CodeBlock literal(Predicate.Literal l, String columnType) {
    switch (l.kind()) {
      case STRING:
        return CodeBlock.of("$S", l.value());
      case BOOLEAN:
        return CodeBlock.of("$L", l.value());
      default:
        break;
    }
    if (columnType.equals("long") && l.kind() == Predicate.LiteralKind.INTEGER) {
      return CodeBlock.of("$LL", l.value());
    }
    return CodeBlock.of("$Ld", l.value());
  }
}
