package lab;

import org.orcapod.annotations.PacketFunction;

/** An instance method: the pod makes one instance with the no-argument constructor. */
public class Counter {
  private final String prefix = ">";

  @PacketFunction(output = "label")
  String label(String text, boolean loud) {
    return prefix + (loud ? text.toUpperCase(java.util.Locale.ROOT) : text);
  }

  /** A nested owner: the pod's name joins the enclosing names. */
  public static final class Nested {
    private Nested() {}

    @PacketFunction(output = "ratio")
    static @org.jspecify.annotations.Nullable Double ratio(double a, double b) {
      return b == 0 ? null : a / b;
    }
  }
}
