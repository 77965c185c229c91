package org.orcapod.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;
import org.orcapod.graph.Column;

/**
 * Writes the typed pod class of one valid {@link FunctionModel}: a reflection-free {@code
 * PacketFunction} of the runtime with its Arrow schemas as constants, a per-packet {@code
 * directCall} and a batch-at-a-time {@code invoke} over Arrow vectors.
 *
 * <p>The Arrow fields mirror the runtime's {@code TypeMapping.arrowField} exactly (list items
 * nullable, record components nullable when {@code @Nullable} or {@code Optional}), so that the
 * generated pod and the runtime's reflective {@code JavaPacketFunction} have the same schemas and
 * hence the same uri. Iteration is in declaration order or sorted, so the output is deterministic.
 */
final class PodWriter {
  /** The runtime class a generated pod extends; no runtime on the class path, no pods. */
  static final String RUNTIME_BASE = "org.orcapod.function.GeneratedPacketFunction";

  static final String GENERATOR = OrcapodProcessor.class.getName();
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final ClassName BASE =
      ClassName.get("org.orcapod.function", "GeneratedPacketFunction");
  private static final ClassName SCHEMA = ClassName.get("org.orcapod.schema", "Schema");
  private static final ClassName TYPE_MAPPING = ClassName.get("org.orcapod.schema", "TypeMapping");
  private static final ClassName ARROW_VALUES = ClassName.get("org.orcapod.schema", "ArrowValues");
  private static final ClassName OUTPUT_EXCEPTION =
      ClassName.get("org.orcapod.function", "FunctionOutputException");
  private static final ClassName FIELD =
      ClassName.get("org.apache.arrow.vector.types.pojo", "Field");
  private static final ClassName FIELD_TYPE =
      ClassName.get("org.apache.arrow.vector.types.pojo", "FieldType");
  private static final ClassName ARROW_TYPE =
      ClassName.get("org.apache.arrow.vector.types.pojo", "ArrowType");
  private static final ClassName PRECISION =
      ClassName.get("org.apache.arrow.vector.types", "FloatingPointPrecision");
  private static final ClassName DATE_UNIT =
      ClassName.get("org.apache.arrow.vector.types", "DateUnit");
  private static final ClassName ROOT =
      ClassName.get("org.apache.arrow.vector", "VectorSchemaRoot");
  private static final ClassName FIELD_VECTOR =
      ClassName.get("org.apache.arrow.vector", "FieldVector");
  private static final ClassName ALLOCATOR =
      ClassName.get("org.apache.arrow.memory", "BufferAllocator");
  private static final ClassName BIGINT = ClassName.get("org.apache.arrow.vector", "BigIntVector");
  private static final ClassName FLOAT8 = ClassName.get("org.apache.arrow.vector", "Float8Vector");
  private static final ClassName BIT = ClassName.get("org.apache.arrow.vector", "BitVector");
  private static final ClassName LARGE_VARCHAR =
      ClassName.get("org.apache.arrow.vector", "LargeVarCharVector");
  private static final ClassName UTF_8 = ClassName.get("java.nio.charset", "StandardCharsets");
  private static final ClassName LIST = ClassName.get(List.class);
  private static final ClassName MAP = ClassName.get(Map.class);
  private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  private static final ClassName BIT_SET = ClassName.get("java.util", "BitSet");
  private static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");
  private static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
  private static final TypeName VALUE_MAP =
      ParameterizedTypeName.get(MAP, ClassName.get(String.class), ClassName.get(Object.class));

  private final Types types;

  PodWriter(Types types) {
    this.types = types;
  }

  /** The simple name of the pod class: enclosing simple names and the function name, joined. */
  static String podName(FunctionModel model) {
    StringBuilder b = new StringBuilder();
    for (Element e = model.method().getEnclosingElement();
        e instanceof TypeElement t;
        e = t.getEnclosingElement()) {
      b.insert(0, t.getSimpleName() + "_");
    }
    String n = model.name();
    return b.toString() + Character.toUpperCase(n.charAt(0)) + n.substring(1) + "Pod";
  }

  /** The generated source of {@code model}'s pod. */
  JavaFile write(FunctionModel model) {
    ExecutableElement method = model.method();
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String pkg = packageOf(owner);
    String name = podName(model);
    Converters conv = new Converters();
    TypeName ownerType = TypeName.get(types.erasure(owner.asType()));

    List<String> inNames = new ArrayList<>();
    List<CodeBlock> inFields = new ArrayList<>();
    List<? extends VariableElement> params = method.getParameters();
    for (int i = 0; i < params.size(); i++) {
      VariableElement p = params.get(i);
      Column c = model.parameters().get(i);
      inNames.add(c.name());
      inFields.add(field(CodeBlock.of("$S", c.name()), p.asType(), c.type().nullable()));
    }
    TypeMirror returned = method.getReturnType();
    List<String> outNames = new ArrayList<>();
    List<CodeBlock> outFields = new ArrayList<>();
    List<TypeMirror> outTypes = new ArrayList<>();
    List<RecordComponentElement> components = new ArrayList<>();
    if (model.returnsRecord()) {
      TypeElement record = (TypeElement) types.asElement(unOptional(returned));
      components.addAll(ElementFilter.recordComponentsIn(record.getEnclosedElements()));
      for (int i = 0; i < components.size(); i++) {
        Column c = model.outputs().get(i);
        outNames.add(c.name());
        outTypes.add(components.get(i).asType());
        outFields.add(
            field(CodeBlock.of("$S", c.name()), components.get(i).asType(), c.type().nullable()));
      }
    } else {
      Column c = model.outputs().get(0);
      outNames.add(c.name());
      outTypes.add(returned);
      outFields.add(field(CodeBlock.of("$S", c.name()), returned, c.type().nullable()));
    }

    TypeSpec.Builder pod =
        TypeSpec.classBuilder(name)
            .addOriginatingElement(method)
            .addJavadoc(
                "The typed pod of {@code $L.$L}: a reflection-free packet function with the\n"
                    + "same schemas, uri and rows as the runtime's reflective path.\n",
                owner.getQualifiedName(),
                method.getSimpleName())
            .addAnnotation(
                AnnotationSpec.builder(GENERATED)
                    .addMember("value", "$S", GENERATOR)
                    .addMember("comments", "$S", "orcapod")
                    .build())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .superclass(BASE);

    pod.addField(
        constant(ClassName.get(String.class), "CANONICAL_NAME", CodeBlock.of("$S", model.name())));
    pod.addField(
        constant(
            ClassName.get(String.class),
            "VERSION",
            CodeBlock.of("$S", "v" + model.major() + "." + model.minor())));
    pod.addField(constant(TypeName.INT, "MAJOR_VERSION", CodeBlock.of("$L", model.major())));
    pod.addField(
        constant(
            ParameterizedTypeName.get(LIST, ClassName.get(String.class)),
            "INPUT_COLUMNS",
            listOf(strings(inNames))));
    pod.addField(
        constant(
            ParameterizedTypeName.get(LIST, ClassName.get(String.class)),
            "OUTPUT_COLUMNS",
            listOf(strings(outNames))));
    pod.addField(
        constant(SCHEMA, "INPUT_SCHEMA", CodeBlock.of("$T.of($L)", SCHEMA, listOf(inFields))));
    pod.addField(
        constant(SCHEMA, "OUTPUT_SCHEMA", CodeBlock.of("$T.of($L)", SCHEMA, listOf(outFields))));
    if (!model.isStatic()) {
      pod.addField(
          FieldSpec.builder(ownerType, "target", Modifier.PRIVATE, Modifier.FINAL)
              .initializer("new $T()", ownerType)
              .build());
    }
    List<CodeBlock> superArgs = new ArrayList<>();
    superArgs.add(CodeBlock.of("CANONICAL_NAME, VERSION, INPUT_SCHEMA, OUTPUT_SCHEMA"));
    superArgs.add(CodeBlock.of("$T.class", ownerType));
    superArgs.add(CodeBlock.of("$S", method.getSimpleName()));
    for (VariableElement p : method.getParameters()) {
      superArgs.add(CodeBlock.of("$T.class", TypeName.get(types.erasure(p.asType()))));
    }
    pod.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc("Creates the pod; it has no executor until one is set.\n")
            .addModifiers(Modifier.PUBLIC)
            .addStatement("super($L)", CodeBlock.join(superArgs, ", "))
            .build());
    CodeBlock callee = model.isStatic() ? CodeBlock.of("$T", ownerType) : CodeBlock.of("target");
    pod.addMethod(directCall(model, callee, conv, inNames, outNames, outTypes, components));
    pod.addMethod(invoke(model, callee, conv, inNames, outNames, outTypes, components));
    conv.addTo(pod);
    return JavaFile.builder(pkg, pod.build()).skipJavaLangImports(true).indent("  ").build();
  }

  static String packageOf(Element e) {
    Element p = e;
    while (!(p instanceof PackageElement)) {
      p = p.getEnclosingElement();
    }
    return ((PackageElement) p).getQualifiedName().toString();
  }

  static FieldSpec constant(TypeName type, String name, CodeBlock init) {
    return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer(init)
        .build();
  }

  static List<CodeBlock> strings(List<String> values) {
    List<CodeBlock> out = new ArrayList<>();
    for (String v : values) {
      out.add(CodeBlock.of("$S", v));
    }
    return out;
  }

  static CodeBlock listOf(List<CodeBlock> items) {
    return CodeBlock.of("$T.of($L)", LIST, CodeBlock.join(items, ", "));
  }

  private MethodSpec directCall(
      FunctionModel model,
      CodeBlock callee,
      Converters conv,
      List<String> inNames,
      List<String> outNames,
      List<TypeMirror> outTypes,
      List<RecordComponentElement> components) {
    ExecutableElement method = model.method();
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("directCall")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(VALUE_MAP)
            .addParameter(VALUE_MAP, "inputs")
            .addException(Exception.class);
    List<CodeBlock> args = new ArrayList<>();
    for (int i = 0; i < inNames.size(); i++) {
      TypeMirror t = method.getParameters().get(i).asType();
      args.add(conv.fromValue(t, CodeBlock.of("inputs.get($S)", inNames.get(i))));
    }
    m.addStatement(
        "$T result = $L.$L($L)",
        TypeName.get(method.getReturnType()),
        callee,
        method.getSimpleName(),
        CodeBlock.join(args, ", "));
    if (model.returnsRecord()) {
      m.beginControlFlow("if (result == null)").addStatement("return null").endControlFlow();
      if (ColumnTypes.isOptional(method.getReturnType())) {
        m.beginControlFlow("if (result.isEmpty())").addStatement("return null").endControlFlow();
      }
    }
    m.addStatement("$T values = new $T<>()", VALUE_MAP, LINKED_HASH_MAP);
    for (int i = 0; i < outNames.size(); i++) {
      m.addStatement(
          "values.put($S, $L)",
          outNames.get(i),
          conv.toValue(outTypes.get(i), outputExpression(model, components, i)));
    }
    return m.addStatement("return values").build();
  }

  private CodeBlock outputExpression(
      FunctionModel model, List<RecordComponentElement> components, int i) {
    if (!model.returnsRecord()) {
      return CodeBlock.of("result");
    }
    String record =
        ColumnTypes.isOptional(model.method().getReturnType()) ? "result.get()" : "result";
    return CodeBlock.of("$L.$L()", record, components.get(i).getSimpleName());
  }

  private MethodSpec invoke(
      FunctionModel model,
      CodeBlock callee,
      Converters conv,
      List<String> inNames,
      List<String> outNames,
      List<TypeMirror> outTypes,
      List<RecordComponentElement> components) {
    ExecutableElement method = model.method();
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("invoke")
            .addJavadoc(
                "Runs the function over every row of {@code input} (which has the {@link"
                    + " #INPUT_SCHEMA}\ncolumns, and may have others), a batch at a time.\n\n"
                    + "@param input the rows; the caller keeps ownership\n"
                    + "@param allocator allocates the output vectors\n"
                    + "@param dropped receives the rows whose packet the function dropped (their"
                    + " output\n    cells are null)\n"
                    + "@return the {@link #OUTPUT_SCHEMA} columns, one row per input row; the"
                    + " caller closes it\n"
                    + "@throws Exception exactly what the function threw; no output is left open\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(ROOT)
            .addParameter(ROOT, "input")
            .addParameter(ALLOCATOR, "allocator")
            .addParameter(BIT_SET, "dropped")
            .addException(Exception.class);
    m.addStatement("int rows = input.getRowCount()");
    List<CodeBlock> args = new ArrayList<>();
    for (int i = 0; i < inNames.size(); i++) {
      TypeMirror t = method.getParameters().get(i).asType();
      String var = "in" + i;
      ClassName vector = fastVector(t);
      m.addStatement(
          "$T $L = column(input, $S, $T.class)",
          vector == null ? FIELD_VECTOR : vector,
          var,
          inNames.get(i),
          vector == null ? FIELD_VECTOR : vector);
      args.add(fastRead(t, var, model.parameters().get(i).type().nullable(), conv));
    }
    m.addStatement("$T out = $T.create(OUTPUT_SCHEMA.toArrow(), allocator)", ROOT, ROOT);
    m.beginControlFlow("try");
    m.addStatement("out.allocateNew()");
    for (int i = 0; i < outNames.size(); i++) {
      ClassName vector = fastVector(outTypes.get(i));
      if (vector == null) {
        m.addStatement("$T out$L = out.getVector($S)", FIELD_VECTOR, i, outNames.get(i));
      } else {
        m.addStatement("$T out$L = ($T) out.getVector($S)", vector, i, vector, outNames.get(i));
      }
    }
    m.beginControlFlow("for (int i = 0; i < rows; i++)");
    m.addStatement(
        "$T result = $L.$L($L)",
        TypeName.get(method.getReturnType()),
        callee,
        method.getSimpleName(),
        CodeBlock.join(args, ", "));
    if (model.returnsRecord()) {
      CodeBlock empty =
          ColumnTypes.isOptional(method.getReturnType())
              ? CodeBlock.of("result == null || result.isEmpty()")
              : CodeBlock.of("result == null");
      m.beginControlFlow("if ($L)", empty);
      m.addStatement("dropped.set(i)");
      m.addComment("Cells left unwritten stay null.");
      m.addStatement("continue");
      m.endControlFlow();
    }
    for (int i = 0; i < outNames.size(); i++) {
      CodeBlock value = outputExpression(model, components, i);
      TypeMirror t = outTypes.get(i);
      boolean nullable = model.outputs().get(i).type().nullable();
      fastWrite(m, t, "out" + i, value, outNames.get(i), nullable, conv);
    }
    m.endControlFlow();
    m.addStatement("out.setRowCount(rows)");
    m.addStatement("return out");
    m.nextControlFlow("catch ($T | $T e)", Exception.class, Error.class);
    m.addStatement("out.close()");
    m.addStatement("throw e");
    m.endControlFlow();
    return m.build();
  }

  /** The vector class read and written directly, or null for the generic value path. */
  static @Nullable ClassName fastVector(TypeMirror t) {
    switch (t.getKind()) {
      case LONG:
        return BIGINT;
      case DOUBLE:
        return FLOAT8;
      case BOOLEAN:
        return BIT;
      case DECLARED:
        break;
      default:
        return null;
    }
    String q = qualified(t);
    switch (q) {
      case "java.lang.Long":
        return BIGINT;
      case "java.lang.Double":
        return FLOAT8;
      case "java.lang.Boolean":
        return BIT;
      case "java.lang.String":
        return LARGE_VARCHAR;
      default:
        return null;
    }
  }

  CodeBlock fastRead(TypeMirror t, String var, boolean nullable, Converters conv) {
    ClassName vector = fastVector(t);
    if (vector == null) {
      return conv.fromValue(t, CodeBlock.of("$T.read($L, i)", ARROW_VALUES, var));
    }
    CodeBlock get;
    if (vector == BIT) {
      get = CodeBlock.of("$L.get(i) != 0", var);
    } else if (vector == LARGE_VARCHAR) {
      get = CodeBlock.of("new String($L.get(i), $T.UTF_8)", var, UTF_8);
    } else {
      get = CodeBlock.of("$L.get(i)", var);
    }
    if (t.getKind().isPrimitive() || !nullable) {
      return get;
    }
    TypeName boxed = TypeName.get(t);
    if (vector == LARGE_VARCHAR) {
      // Already a String: a cast would be redundant (a -Xlint:cast warning in users' builds).
      return CodeBlock.of("$L.isNull(i) ? null : $L", var, get);
    }
    return CodeBlock.of("$L.isNull(i) ? ($T) null : ($T) ($L)", var, boxed, boxed, get);
  }

  private void fastWrite(
      MethodSpec.Builder m,
      TypeMirror t,
      String var,
      CodeBlock value,
      String column,
      boolean nullable,
      Converters conv) {
    fastWrite(
        m,
        t,
        var,
        value,
        nullable,
        conv,
        CodeBlock.of(
            "throw new $T(CANONICAL_NAME, $S)",
            OUTPUT_EXCEPTION,
            "returned null for the non-nullable output column '"
                + column
                + "'; return a value, or declare the column @Nullable"));
  }

  /**
   * Writes {@code value} (of type {@code t}) into row {@code i} of vector {@code var}; a null for a
   * non-nullable column runs {@code nullError} (a statement that throws).
   */
  void fastWrite(
      MethodSpec.Builder m,
      TypeMirror t,
      String var,
      CodeBlock value,
      boolean nullable,
      Converters conv,
      CodeBlock nullError) {
    ClassName vector = fastVector(t);
    if (vector == null) {
      m.addStatement("$T.write($L, i, $L)", ARROW_VALUES, var, conv.toValue(t, value));
      return;
    }
    String local = var + "Value";
    m.addStatement("$T $L = $L", TypeName.get(t), local, value);
    if (!t.getKind().isPrimitive()) {
      m.beginControlFlow("if ($L == null)", local);
      if (nullable) {
        m.addStatement("$L.setNull(i)", var);
      } else {
        m.addStatement(nullError);
      }
      m.nextControlFlow("else");
    }
    if (vector == BIT) {
      m.addStatement("$L.setSafe(i, $L ? 1 : 0)", var, local);
    } else if (vector == LARGE_VARCHAR) {
      m.addStatement("$L.setSafe(i, $L.getBytes($T.UTF_8))", var, local, UTF_8);
    } else {
      m.addStatement("$L.setSafe(i, $L)", var, local);
    }
    if (!t.getKind().isPrimitive()) {
      m.endControlFlow();
    }
  }

  /** The Arrow field of a Java type, as the runtime's {@code TypeMapping.arrowField} builds it. */
  CodeBlock field(CodeBlock name, TypeMirror type, boolean nullable) {
    TypeMirror t = type;
    if (ColumnTypes.isOptional(t)) {
      t = ((DeclaredType) t).getTypeArguments().get(0);
      nullable = true;
    }
    boolean primitive = t.getKind().isPrimitive();
    CodeBlock arrow = scalarArrowType(t);
    if (arrow != null) {
      return CodeBlock.of(
          "new $T($L, new $T($L, $L, null), null)",
          FIELD,
          name,
          FIELD_TYPE,
          nullable && !primitive,
          arrow);
    }
    String q = qualified(t);
    if (q.equals("java.nio.file.Path")) {
      return CodeBlock.of("$T.pathField($L, $L)", TYPE_MAPPING, name, nullable);
    }
    if (q.equals("java.util.List")) {
      TypeMirror item = ((DeclaredType) t).getTypeArguments().get(0);
      return CodeBlock.of(
          "new $T($L, new $T($L, $T.LargeList.INSTANCE, null), $T.of($L))",
          FIELD,
          name,
          FIELD_TYPE,
          nullable,
          ARROW_TYPE,
          LIST,
          field(CodeBlock.of("$S", "item"), item, true));
    }
    TypeElement record = (TypeElement) types.asElement(t);
    List<CodeBlock> children = new ArrayList<>();
    for (RecordComponentElement c :
        ElementFilter.recordComponentsIn(record.getEnclosedElements())) {
      children.add(field(CodeBlock.of("$S", c.getSimpleName()), c.asType(), componentNullable(c)));
    }
    return CodeBlock.of(
        "new $T($L, new $T($L, $T.Struct.INSTANCE, null), $T.of($L))",
        FIELD,
        name,
        FIELD_TYPE,
        nullable,
        ARROW_TYPE,
        LIST,
        CodeBlock.join(children, ", "));
  }

  /** Whether a nested record component is nullable, as {@code TypeMapping.isNullable} decides. */
  static boolean componentNullable(RecordComponentElement c) {
    TypeMirror t = c.asType();
    if (t.getKind().isPrimitive()) {
      return false;
    }
    return ColumnTypes.isOptional(t)
        || ColumnTypes.hasNullable(t)
        || ColumnTypes.hasNullable(ColumnTypes.site(c).getAnnotationMirrors())
        || ColumnTypes.hasNullable(c.getAnnotationMirrors());
  }

  private static CodeBlock scalarArrowType(TypeMirror t) {
    switch (t.getKind()) {
      case LONG:
        return CodeBlock.of("new $T.Int(64, true)", ARROW_TYPE);
      case DOUBLE:
        return CodeBlock.of("new $T.FloatingPoint($T.DOUBLE)", ARROW_TYPE, PRECISION);
      case BOOLEAN:
        return CodeBlock.of("$T.Bool.INSTANCE", ARROW_TYPE);
      case ARRAY:
        return CodeBlock.of("$T.LargeBinary.INSTANCE", ARROW_TYPE);
      case DECLARED:
        break;
      default:
        return null;
    }
    switch (qualified(t)) {
      case "java.lang.Long":
        return CodeBlock.of("new $T.Int(64, true)", ARROW_TYPE);
      case "java.lang.Double":
        return CodeBlock.of("new $T.FloatingPoint($T.DOUBLE)", ARROW_TYPE, PRECISION);
      case "java.lang.Boolean":
        return CodeBlock.of("$T.Bool.INSTANCE", ARROW_TYPE);
      case "java.lang.String":
        return CodeBlock.of("$T.LargeUtf8.INSTANCE", ARROW_TYPE);
      case "java.time.LocalDate":
        return CodeBlock.of("new $T.Date($T.DAY)", ARROW_TYPE, DATE_UNIT);
      case "java.math.BigDecimal":
        return CodeBlock.of(
            "new $T.Decimal($T.DEFAULT_DECIMAL_PRECISION, $T.DEFAULT_DECIMAL_SCALE, 128)",
            ARROW_TYPE,
            TYPE_MAPPING,
            TYPE_MAPPING);
      default:
        return null;
    }
  }

  private static String qualified(TypeMirror t) {
    if (t instanceof DeclaredType d) {
      return ((TypeElement) d.asElement()).getQualifiedName().toString();
    }
    return t.toString();
  }

  private TypeMirror unOptional(TypeMirror t) {
    return ColumnTypes.isOptional(t) ? ((DeclaredType) t).getTypeArguments().get(0) : t;
  }

  private static boolean isRecord(TypeMirror t) {
    return t instanceof DeclaredType d && d.asElement().getKind() == ElementKind.RECORD;
  }

  /**
   * Conversions between the runtime's cell values ({@code ArrowValues}: boxed scalars, {@code
   * List}, {@code Map} for structs) and the Java types of parameters and components. Records get
   * one generated method each way, written once per record type in sorted order.
   */
  final class Converters {
    private final Map<String, TypeElement> readers = new TreeMap<>();
    private final Map<String, TypeElement> writers = new TreeMap<>();

    /** Converts the cell value {@code value} (an Object) to Java type {@code t}. */
    CodeBlock fromValue(TypeMirror t, CodeBlock value) {
      if (ColumnTypes.isOptional(t)) {
        TypeMirror inner = ((DeclaredType) t).getTypeArguments().get(0);
        return CodeBlock.of("$T.ofNullable($L)", OPTIONAL, fromValue(inner, value));
      }
      switch (t.getKind()) {
        case LONG:
          return CodeBlock.of("($T) $L", Long.class, value);
        case DOUBLE:
          return CodeBlock.of("($T) $L", Double.class, value);
        case BOOLEAN:
          return CodeBlock.of("($T) $L", Boolean.class, value);
        case ARRAY:
          return CodeBlock.of("($T) $L", ArrayTypeName.of(TypeName.BYTE), value);
        default:
          break;
      }
      if (qualified(t).equals("java.util.List")) {
        TypeMirror item = ((DeclaredType) t).getTypeArguments().get(0);
        return CodeBlock.of(
            "$T.listOf($L, item -> $L)",
            ARROW_VALUES,
            value,
            fromValue(item, CodeBlock.of("item")));
      }
      if (isRecord(t)) {
        TypeElement r = (TypeElement) types.asElement(t);
        readers.put(r.getQualifiedName().toString(), r);
        return CodeBlock.of("$L($L)", readerName(r), value);
      }
      return CodeBlock.of("($T) $L", TypeName.get(t), value);
    }

    /** Converts the Java value {@code value} of type {@code t} to a cell value. */
    CodeBlock toValue(TypeMirror t, CodeBlock value) {
      if (ColumnTypes.isOptional(t)) {
        TypeMirror inner = ((DeclaredType) t).getTypeArguments().get(0);
        if (needsConversion(inner)) {
          return CodeBlock.of(
              "$L.map(v -> $L).orElse(null)", value, toValue(inner, CodeBlock.of("v")));
        }
        return CodeBlock.of("$L.orElse(null)", value);
      }
      if (qualified(t).equals("java.util.List")) {
        TypeMirror item = ((DeclaredType) t).getTypeArguments().get(0);
        if (!needsConversion(item)) {
          return value;
        }
        return CodeBlock.of(
            "$T.valuesOf($L, item -> $L)",
            ARROW_VALUES,
            value,
            toValue(item, CodeBlock.of("item")));
      }
      if (isRecord(t)) {
        TypeElement r = (TypeElement) types.asElement(t);
        writers.put(r.getQualifiedName().toString(), r);
        return CodeBlock.of("$L($L)", writerName(r), value);
      }
      return value;
    }

    private boolean needsConversion(TypeMirror t) {
      if (isRecord(t) || ColumnTypes.isOptional(t)) {
        return true;
      }
      if (qualified(t).equals("java.util.List")) {
        return needsConversion(((DeclaredType) t).getTypeArguments().get(0));
      }
      return false;
    }

    private String readerName(TypeElement r) {
      return "read" + flatName(r);
    }

    private String writerName(TypeElement r) {
      return "valuesOf" + flatName(r);
    }

    private String flatName(TypeElement r) {
      StringBuilder b = new StringBuilder(r.getSimpleName());
      for (Element e = r.getEnclosingElement();
          e instanceof TypeElement t;
          e = t.getEnclosingElement()) {
        b.insert(0, t.getSimpleName() + "_");
      }
      return b.toString();
    }

    /** Adds the helper methods used so far, and those they use, in sorted order. */
    void addTo(TypeSpec.Builder pod) {
      List<MethodSpec> methods = new ArrayList<>();
      Map<String, TypeElement> doneReaders = new TreeMap<>();
      Map<String, TypeElement> doneWriters = new TreeMap<>();
      // Writing a helper may need another one; repeat until nothing new appears.
      boolean changed = true;
      while (changed) {
        changed = false;
        for (Map.Entry<String, TypeElement> e : new TreeMap<>(readers).entrySet()) {
          if (doneReaders.put(e.getKey(), e.getValue()) == null) {
            reader(e.getValue());
            changed = true;
          }
        }
        for (Map.Entry<String, TypeElement> e : new TreeMap<>(writers).entrySet()) {
          if (doneWriters.put(e.getKey(), e.getValue()) == null) {
            writer(e.getValue());
            changed = true;
          }
        }
      }
      for (TypeElement r : doneReaders.values()) {
        methods.add(reader(r));
      }
      for (TypeElement r : doneWriters.values()) {
        methods.add(writer(r));
      }
      for (MethodSpec m : methods) {
        pod.addMethod(m);
      }
    }

    private MethodSpec reader(TypeElement r) {
      TypeName type = TypeName.get(types.erasure(r.asType()));
      List<CodeBlock> args = new ArrayList<>();
      for (RecordComponentElement c : ElementFilter.recordComponentsIn(r.getEnclosedElements())) {
        args.add(fromValue(c.asType(), CodeBlock.of("struct.get($S)", c.getSimpleName())));
      }
      TypeName anyMap =
          ParameterizedTypeName.get(
              MAP,
              WildcardTypeName.subtypeOf(Object.class),
              WildcardTypeName.subtypeOf(Object.class));
      return MethodSpec.methodBuilder(readerName(r))
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(type)
          .addParameter(Object.class, "value")
          .beginControlFlow("if (value == null)")
          .addStatement("return null")
          .endControlFlow()
          .addStatement("$T struct = ($T) value", anyMap, anyMap)
          .addStatement("return new $T($L)", type, CodeBlock.join(args, ", "))
          .build();
    }

    private MethodSpec writer(TypeElement r) {
      TypeName type = TypeName.get(types.erasure(r.asType()));
      MethodSpec.Builder m =
          MethodSpec.methodBuilder(writerName(r))
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .returns(VALUE_MAP)
              .addParameter(type, "record")
              .beginControlFlow("if (record == null)")
              .addStatement("return null")
              .endControlFlow()
              .addStatement("$T struct = new $T<>()", VALUE_MAP, LINKED_HASH_MAP);
      for (RecordComponentElement c : ElementFilter.recordComponentsIn(r.getEnclosedElements())) {
        m.addStatement(
            "struct.put($S, $L)",
            c.getSimpleName(),
            toValue(c.asType(), CodeBlock.of("record.$L()", c.getSimpleName())));
      }
      return m.addStatement("return struct").build();
    }
  }
}
