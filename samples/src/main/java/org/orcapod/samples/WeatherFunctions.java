package org.orcapod.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.orcapod.annotations.PacketFunction;

/**
 * The sample's packet functions: parse a day's readings, parse its metadata, summarise a batch.
 * Plain static methods; the annotation processor turns each into a typed pod ({@code
 * WeatherFunctions_Daily_statsPod}, …) that {@link Weather} applies.
 */
public final class WeatherFunctions {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How many measurement files this JVM parsed: the tests check that cached packets never are. */
  static final AtomicInteger MEASUREMENT_FILES_PARSED = new AtomicInteger();

  private WeatherFunctions() {}

  /**
   * What {@link #dailyStats} computes for one day; the component names are the output columns.
   *
   * @param n_readings the number of readings
   * @param mean_temperature_c the mean temperature (°C, two decimals)
   * @param min_temperature_c the lowest temperature (°C)
   * @param max_temperature_c the highest temperature (°C)
   * @param mean_pressure_hpa the mean pressure (hPa, two decimals)
   */
  public record DayStatistics(
      long n_readings,
      double mean_temperature_c,
      double min_temperature_c,
      double max_temperature_c,
      double mean_pressure_hpa) {}

  /**
   * What {@link #parseMetadata} reads from one metadata file.
   *
   * @param station the weather station
   * @param instrument the instrument that took the readings
   * @param operator who operated it
   */
  public record DayMetadata(String station, String instrument, String operator) {}

  /**
   * What {@link #batchSummary} computes over all days.
   *
   * @param days the number of days
   * @param total_readings the readings of all days
   * @param mean_temperature_c the reading-weighted mean temperature (°C, two decimals)
   * @param min_temperature_c the lowest temperature of all days
   * @param max_temperature_c the highest temperature of all days
   * @param instruments the instruments used, sorted, comma-separated
   */
  public record Summary(
      long days,
      long total_readings,
      double mean_temperature_c,
      double min_temperature_c,
      double max_temperature_c,
      String instruments) {}

  /**
   * {@code daily_stats}: parses one measurement file ({@code readings}, a Path packet hashed by
   * content) and returns the day's number of readings, mean/min/max temperature and mean pressure.
   */
  @PacketFunction(name = "daily_stats", version = "1.0")
  public static DayStatistics dailyStats(Path readings) {
    List<double[]> rows = parseReadings(readings);
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
    return new DayStatistics(
        rows.size(), round2(sumT / rows.size()), minT, maxT, round2(sumP / rows.size()));
  }

  /** {@code parse_metadata}: reads one metadata file ({@code metadata}, a Path packet). */
  @PacketFunction(name = "parse_metadata", version = "1.0")
  public static DayMetadata parseMetadata(Path metadata) {
    JsonNode node;
    try {
      node = JSON.readTree(metadata.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read metadata file " + metadata, e);
    }
    List<String> values = new ArrayList<>();
    for (String key : List.of("station", "instrument", "operator")) {
      JsonNode v = node.get(key);
      if (v == null || !v.isTextual()) {
        throw new IllegalArgumentException(
            "metadata file " + metadata + " has no text field '" + key + "'; add it");
      }
      values.add(v.asText());
    }
    return new DayMetadata(values.get(0), values.get(1), values.get(2));
  }

  /**
   * {@code batch_summary}: over the batched per-day rows (one list per column, one element per
   * day), the number of days and readings, the reading-weighted mean temperature, the extremes, and
   * the instruments used. A function pod consumes every packet column of its input, so the columns
   * it does not need ({@code mean_pressure_hpa}, {@code station}, {@code operator}) are parameters
   * too.
   */
  @PacketFunction(name = "batch_summary", version = "1.0")
  public static Summary batchSummary(
      List<Long> n_readings,
      List<Double> mean_temperature_c,
      List<Double> min_temperature_c,
      List<Double> max_temperature_c,
      List<Double> mean_pressure_hpa,
      List<String> station,
      List<String> instrument,
      List<String> operator) {
    long total = 0;
    double weighted = 0;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n_readings.size(); i++) {
      long k = n_readings.get(i);
      total += k;
      weighted += k * mean_temperature_c.get(i);
      lo = Math.min(lo, min_temperature_c.get(i));
      hi = Math.max(hi, max_temperature_c.get(i));
    }
    return new Summary(
        n_readings.size(),
        total,
        round2(weighted / total),
        lo,
        hi,
        String.join(", ", new TreeSet<>(instrument)));
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
