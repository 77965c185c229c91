package org.orcapod.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link JavaPacketFunction#ofMethod} reads nullability and packet drops from a method as the
 * annotation processor does: {@code @Nullable} (type-use or declaration, any package, when visible
 * at run time) or {@code Optional} make a column nullable, and a method returning an {@code
 * Optional} record drops the packet when it is empty.
 */
class ReflectiveNullabilityTest {
  /** The simple name is what counts; this one is a RUNTIME declaration annotation. */
  static final class Decl {
    private Decl() {}

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.PARAMETER, ElementType.METHOD})
    @interface Nullable {}

    /** Invisible to reflection: CLASS retention. */
    static final class Hidden {
      private Hidden() {}

      @Retention(RetentionPolicy.CLASS)
      @Target({ElementType.PARAMETER, ElementType.METHOD})
      @interface Nullable {}
    }
  }

  record Ratio(double value, @Nullable String note) {}

  static long add(long a, @Nullable Long b) {
    return a + (b == null ? 0 : b);
  }

  static @Nullable Double ratio(double a, double b) {
    return b == 0 ? null : a / b;
  }

  @Decl.Nullable
  static String declared(@Decl.Nullable String text) {
    return text == null ? "none" : text;
  }

  @Decl.Hidden.Nullable
  static String hidden(@Decl.Hidden.Nullable String text) {
    return text == null ? "none" : text;
  }

  static Optional<Ratio> divide(double a, double b) {
    return b == 0 ? Optional.empty() : Optional.of(new Ratio(a / b, a > b ? "big" : null));
  }

  static @Nullable Ratio divideOrNull(double a, double b) {
    return b == 0 ? null : new Ratio(a / b, null);
  }

  static Optional<String> label(Optional<String> text) {
    return text.map(t -> "<" + t + ">");
  }

  private static Method method(String name) {
    for (Method m : ReflectiveNullabilityTest.class.getDeclaredMethods()) {
      if (m.getName().equals(name)) {
        return m;
      }
    }
    throw new AssertionError(name);
  }

  private static JavaPacketFunction of(String name, String... outputs) {
    return JavaPacketFunction.ofMethod(method(name), null, null, "v1.0", null, List.of(outputs));
  }

  private static Map<String, @Nullable Object> in(Object... pairs) {
    Map<String, @Nullable Object> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void aJSpecifyNullableParameterIsANullableColumn() throws Exception {
    JavaPacketFunction f = of("add", "sum");
    assertThat(f.inputSchema().isNullable("a")).isFalse();
    assertThat(f.inputSchema().isNullable("b")).isTrue();
    assertThat(f.outputSchema().isNullable("sum")).isFalse();
    assertThat(f.directCall(in("a", 2L, "b", null))).containsEntry("sum", 2L);
  }

  @Test
  void aNullableSingleResultIsANullableColumnAndANullCell() throws Exception {
    JavaPacketFunction f = of("ratio", "ratio");
    assertThat(f.outputSchema().isNullable("ratio")).isTrue();
    Map<String, @Nullable Object> zero = f.directCall(in("a", 1.0, "b", 0.0));
    assertThat(zero).containsKey("ratio");
    assertThat(zero.get("ratio")).isNull();
    assertThat(f.directCall(in("a", 1.0, "b", 4.0))).containsEntry("ratio", 0.25);
  }

  @Test
  void anyRuntimeVisibleAnnotationNamedNullableCounts() {
    JavaPacketFunction f = of("declared", "out");
    assertThat(f.inputSchema().isNullable("text")).isTrue();
    assertThat(f.outputSchema().isNullable("out")).isTrue();
  }

  @Test
  void aClassRetentionNullableIsInvisibleSoTheColumnStaysNonNull() {
    // Reflection cannot see it; the processor, which reads class files, can (docs/dsl.md).
    JavaPacketFunction f = of("hidden", "out");
    assertThat(f.inputSchema().isNullable("text")).isFalse();
    assertThat(f.outputSchema().isNullable("out")).isFalse();
  }

  @Test
  void anOptionalRecordGivesItsComponentsAndAnEmptyOneDropsThePacket() throws Exception {
    JavaPacketFunction f = of("divide", "value", "note");
    assertThat(f.outputSchema().names()).containsExactly("value", "note");
    assertThat(f.outputSchema().isNullable("value")).isFalse();
    assertThat(f.outputSchema().isNullable("note")).isTrue();
    assertThat(f.directCall(in("a", 1.0, "b", 0.0))).isNull();
    Map<String, @Nullable Object> r = f.directCall(in("a", 3.0, "b", 2.0));
    assertThat(r).containsEntry("value", 1.5).containsEntry("note", "big");
  }

  @Test
  void aNullRecordDropsThePacket() throws Exception {
    JavaPacketFunction f = of("divideOrNull", "value", "note");
    assertThat(f.directCall(in("a", 1.0, "b", 0.0))).isNull();
    assertThat(f.directCall(in("a", 1.0, "b", 2.0))).containsEntry("value", 0.5);
  }

  @Test
  void optionalParametersAndResultsAreNullable() throws Exception {
    JavaPacketFunction f = of("label", "label");
    assertThat(f.inputSchema().isNullable("text")).isTrue();
    assertThat(f.outputSchema().isNullable("label")).isTrue();
    assertThat(f.directCall(in("text", null)).get("label")).isNull();
    assertThat(f.directCall(in("text", "x"))).containsEntry("label", "<x>");
  }

  @Test
  void severalOutputsStillNeedARecordOfThatManyComponents() {
    assertThatThrownBy(() -> of("label", "a", "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[Orcapod/OutputNames]")
        .hasMessageContaining("an Optional of one");
  }
}
