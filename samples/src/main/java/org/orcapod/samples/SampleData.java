package org.orcapod.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * The sample's data set: per-day weather-station measurement files ({@code <day>.txt}, one reading
 * per hour: time, temperature in °C, pressure in hPa) and per-day metadata files ({@code
 * <day>.json}: station, instrument, operator). Written deterministically, so every clone computes
 * the same hashes.
 */
public final class SampleData {
  /** The first day of the bundled data set. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2024, 6, 1);

  /** How many days a fresh data folder holds. */
  public static final int DAYS = 5;

  private static final String[] OPERATORS = {"A. Moser", "L. Keller", "J. Brunner"};

  private SampleData() {}

  /**
   * Writes the {@link #DAYS} bundled days into {@code folder} (created if missing).
   *
   * @return the number of files written
   */
  public static int writeBundled(Path folder) {
    for (int i = 0; i < DAYS; i++) {
      writeDay(folder, i);
    }
    return 2 * DAYS;
  }

  /** The day with index {@code dayIndex} (0 = {@link #FIRST_DAY}). */
  public static LocalDate day(int dayIndex) {
    return FIRST_DAY.plusDays(dayIndex);
  }

  /** Writes day {@code dayIndex}'s measurement and metadata files into {@code folder}. */
  public static void writeDay(Path folder, int dayIndex) {
    writeMeasurements(folder, dayIndex);
    writeMetadata(folder, dayIndex);
  }

  /** Writes day {@code dayIndex}'s measurement file; returns its path. */
  public static Path writeMeasurements(Path folder, int dayIndex) {
    LocalDate day = day(dayIndex);
    Random random = new Random(1000L + dayIndex); // fixed seed: the same file on every machine
    StringBuilder text = new StringBuilder();
    text.append("# station ALP-1, ").append(day).append('\n');
    text.append("# time temperature_c pressure_hpa\n");
    double dayOffset = 1.5 * Math.sin(dayIndex * 0.9);
    for (int hour = 0; hour < 24; hour++) {
      double temperature =
          12.0
              + dayOffset
              + 6.0 * Math.sin(2 * Math.PI * (hour - 9) / 24.0)
              + random.nextGaussian() * 0.4;
      double pressure =
          1013.0 - 2.0 * dayIndex + Math.cos(hour / 4.0) + random.nextGaussian() * 0.3;
      text.append(String.format(Locale.ROOT, "%02d:00 %.1f %.1f%n", hour, temperature, pressure));
    }
    return write(folder.resolve(day + ".txt"), text.toString());
  }

  /** Writes day {@code dayIndex}'s metadata file; returns its path. */
  public static Path writeMetadata(Path folder, int dayIndex) {
    LocalDate day = day(dayIndex);
    String json =
        "{\n"
            + "  \"day\": \""
            + day
            + "\",\n"
            + "  \"station\": \"ALP-1\",\n"
            + "  \"instrument\": \"PTU-300 #"
            + (dayIndex < 3 ? "A17" : "B02")
            + "\",\n"
            + "  \"operator\": \""
            + OPERATORS[dayIndex % OPERATORS.length]
            + "\"\n"
            + "}\n";
    return write(folder.resolve(day + ".json"), json);
  }

  private static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write sample file " + file + ": " + e.getMessage(), e);
    }
  }
}
