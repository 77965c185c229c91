package weather;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.orcapod.pipeline.typed.TypedNode;
import org.orcapod.source.ArrowTableSource;
import org.orcapod.source.SourceContext;

/** Builds and runs the generated OrcapodWeather over files in {@code folder}. */
public final class WeatherRun {
  private WeatherRun() {}

  public static Map<String, Object> run(BufferAllocator allocator, Path folder)
      throws IOException {
    LocalDate first = LocalDate.of(2024, 5, 1);
    LocalDate second = LocalDate.of(2024, 5, 2);
    Path d1 = Files.writeString(folder.resolve("2024-05-01.txt"), "10\n20\n\n30\n");
    Path d2 = Files.writeString(folder.resolve("2024-05-02.txt"), "5\n7\n");
    Path m1 = Files.writeString(folder.resolve("2024-05-01.meta"), "north,ana\n");
    Path m2 = Files.writeString(folder.resolve("2024-05-02.meta"), "south,ben\n");
    SourceContext context = SourceContext.defaultContext();
    Map<String, Object> out = new LinkedHashMap<>();
    try (ArrowTableSource days =
            OrcapodWeather.dayFilesSource(
                List.of(new Rows.DayFile(first, d1), new Rows.DayFile(second, d2)),
                context,
                allocator);
        ArrowTableSource metas =
            OrcapodWeather.metaFilesSource(
                List.of(new Rows.MetaFile(first, m1), new Rows.MetaFile(second, m2)),
                context,
                allocator);
        OrcapodWeather weather =
            OrcapodWeather.builder()
                .dayFiles(days)
                .metaFiles(metas)
                .allocator(allocator)
                .build()) {
      out.put("succeeded", weather.run().succeeded());
      List<Rows.DayFile> files = weather.dayFiles().rows();
      out.put("dayFilePaths", files.stream().map(f -> f.data()).toList());
      List<TypedNode<?>> nodes =
          List.of(weather.dayStats(), weather.dayMeta(), weather.reports(), weather.summary());
      for (TypedNode<?> node : nodes) {
        List<String> rows = new ArrayList<>();
        for (Object row : node.rows()) {
          rows.add(row.toString());
        }
        rows.sort(null);
        out.put(node.label(), rows);
      }
      Rows.Summary summary = weather.summary().rows().get(0);
      out.put("summaryDays", summary.day());
    }
    return out;
  }
}
