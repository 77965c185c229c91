package lab;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.orcapod.annotations.PacketFunction;

/** Sample packet functions whose generated pods are kept as golden files. */
public final class LabFunctions {
  private LabFunctions() {}

  public record Conversion(double fahrenheit, boolean highPressure) {}

  public record Point(long x, @Nullable Double y) {}

  public record Shape(List<Point> points, Optional<String> label, Point first) {}

  /** Two primitive inputs, a record of two outputs. */
  @PacketFunction(version = "1.0")
  public static Conversion convert(double temperatureC, double pressureKpa) {
    return new Conversion(temperatureC * 9 / 5 + 32, pressureKpa > 101.3);
  }

  /** One named output; a nullable boxed input. */
  @PacketFunction(output = "sum")
  public static long add(long a, @Nullable Long b) {
    return a + (b == null ? 0 : b);
  }

  /** Nested records, lists and Optional; an empty result drops the packet. */
  @PacketFunction(version = "2.1", name = "shapeOf")
  public static Optional<Shape> shape(List<Point> points, Optional<String> label) {
    if (points.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Shape(points, label, points.get(0)));
  }

  /** The other scalar types, and a checked exception. */
  @PacketFunction(version = "3")
  public static Summary describe(
      String text, byte[] blob, LocalDate day, BigDecimal amount, Path file, List<Long> counts)
      throws IOException {
    long total = 0;
    for (Long c : counts) {
      total += c;
    }
    return new Summary(
        text.toUpperCase(java.util.Locale.ROOT),
        (long) blob.length,
        day.plusDays(1),
        amount.add(BigDecimal.ONE),
        Files.size(file),
        total);
  }

  public record Summary(
      String upper, @Nullable Long size, LocalDate next, BigDecimal more, long fileSize, long total) {}
}
