package org.orcapod.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;
import org.orcapod.function.JavaPacketFunction;
import org.orcapod.schema.Schema;
import org.orcapod.schema.TypeMapping;

/** The sample's packet functions: parse a day's readings, parse its metadata, summarise a batch. */
public final class WeatherFunctions {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How many measurement files this JVM parsed: the tests check that cached packets never are. */
  static final AtomicInteger MEASUREMENT_FILES_PARSED = new AtomicInteger();

  private WeatherFunctions() {}

  static Field int64(String name) {
    return new Field(name, FieldType.notNullable(new ArrowType.Int(64, true)), null);
  }

  static Field float64(String name) {
    return new Field(
        name,
        FieldType.notNullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
        null);
  }

  static Field utf8(String name) {
    return new Field(name, FieldType.notNullable(ArrowType.LargeUtf8.INSTANCE), null);
  }

  /**
   * {@code daily_stats}: parses one measurement file ({@code readings}, a Path) and returns the
   * day's number of readings, mean/min/max temperature and mean pressure.
   */
  public static JavaPacketFunction dailyStats() {
    return JavaPacketFunction.ofLambda(
        "daily_stats",
        "v1.0",
        Schema.of(List.of(TypeMapping.pathField("readings", false))),
        Schema.of(
            List.of(
                int64("n_readings"),
                float64("mean_temperature_c"),
                float64("min_temperature_c"),
                float64("max_temperature_c"),
                float64("mean_pressure_hpa"))),
        in -> {
          Path file = (Path) in.get("readings");
          List<double[]> rows = parseReadings(file);
          double sumT = 0;
          double sumP = 0;
          double minT = Double.POSITIVE_INFINITY;
          double maxT = Double.NEGATIVE_INFINITY;
          for (double[] r : rows) {
            sumT += r[0];
            sumP += r[1];
            minT = Math.min(minT, r[0]);
            maxT = Math.max(maxT, r[0]);
          }
          Map<String, @Nullable Object> out = new HashMap<>();
          out.put("n_readings", (long) rows.size());
          out.put("mean_temperature_c", round2(sumT / rows.size()));
          out.put("min_temperature_c", minT);
          out.put("max_temperature_c", maxT);
          out.put("mean_pressure_hpa", round2(sumP / rows.size()));
          return out;
        });
  }

  /** {@code parse_metadata}: reads one metadata file ({@code metadata}, a Path). */
  public static JavaPacketFunction parseMetadata() {
    return JavaPacketFunction.ofLambda(
        "parse_metadata",
        "v1.0",
        Schema.of(List.of(TypeMapping.pathField("metadata", false))),
        Schema.of(List.of(utf8("station"), utf8("instrument"), utf8("operator"))),
        in -> {
          Path file = (Path) in.get("metadata");
          JsonNode node;
          try {
            node = JSON.readTree(file.toFile());
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read metadata file " + file, e);
          }
          Map<String, @Nullable Object> out = new HashMap<>();
          for (String key : List.of("station", "instrument", "operator")) {
            JsonNode v = node.get(key);
            if (v == null || !v.isTextual()) {
              throw new IllegalArgumentException(
                  "metadata file " + file + " has no text field '" + key + "'; add it");
            }
            out.put(key, v.asText());
          }
          return out;
        });
  }

  /**
   * {@code batch_summary}: over the batched per-day rows (list columns), the number of days and
   * readings, the reading-weighted mean temperature, the extremes, and the instruments used.
   *
   * @param inputSchema the batched stream's packet schema (list columns as the Batch operator built
   *     them)
   */
  public static JavaPacketFunction batchSummary(Schema inputSchema) {
    return JavaPacketFunction.ofLambda(
        "batch_summary",
        "v1.0",
        inputSchema,
        Schema.of(
            List.of(
                int64("days"),
                int64("total_readings"),
                float64("mean_temperature_c"),
                float64("min_temperature_c"),
                float64("max_temperature_c"),
                utf8("instruments"))),
        in -> {
          List<?> n = (List<?>) in.get("n_readings");
          List<?> mean = (List<?>) in.get("mean_temperature_c");
          List<?> min = (List<?>) in.get("min_temperature_c");
          List<?> max = (List<?>) in.get("max_temperature_c");
          List<?> instruments = (List<?>) in.get("instrument");
          long total = 0;
          double weighted = 0;
          double lo = Double.POSITIVE_INFINITY;
          double hi = Double.NEGATIVE_INFINITY;
          for (int i = 0; i < n.size(); i++) {
            long k = (Long) n.get(i);
            total += k;
            weighted += k * (Double) mean.get(i);
            lo = Math.min(lo, (Double) min.get(i));
            hi = Math.max(hi, (Double) max.get(i));
          }
          TreeSet<String> names = new TreeSet<>();
          for (Object o : instruments) {
            names.add(String.valueOf(o));
          }
          Map<String, @Nullable Object> out = new HashMap<>();
          out.put("days", (long) n.size());
          out.put("total_readings", total);
          out.put("mean_temperature_c", round2(weighted / total));
          out.put("min_temperature_c", lo);
          out.put("max_temperature_c", hi);
          out.put("instruments", String.join(", ", names));
          return out;
        });
  }

  /** The readings of one file: {@code [temperature, pressure]} per non-comment line. */
  static List<double[]> parseReadings(Path file) {
    MEASUREMENT_FILES_PARSED.incrementAndGet();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read measurement file " + file, e);
    }
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length != 3) {
        throw new IllegalArgumentException(
            file
                + " line "
                + (i + 1)
                + ": expected 'time temperature_c pressure_hpa', got '"
                + line
                + "'");
      }
      try {
        rows.add(new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2])});
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            file + " line " + (i + 1) + ": not a number in '" + line + "'", e);
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no readings; add lines 'hh:mm t p'");
    }
    return rows;
  }

  private static double round2(double v) {
    return Math.round(v * 100.0) / 100.0;
  }
}
