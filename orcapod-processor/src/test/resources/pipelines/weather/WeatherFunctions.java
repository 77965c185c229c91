package weather;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.DoubleSummaryStatistics;
import org.orcapod.annotations.PacketFunction;

public final class WeatherFunctions {
  private WeatherFunctions() {}

  @PacketFunction(version = "1")
  static Rows.Stats dayStats(Path data) throws IOException {
    DoubleSummaryStatistics s;
    try (var lines = Files.lines(data)) {
      s = lines.filter(l -> !l.isBlank()).mapToDouble(Double::parseDouble).summaryStatistics();
    }
    return new Rows.Stats(s.getCount(), s.getAverage(), s.getMin(), s.getMax());
  }

  @PacketFunction(version = "1")
  static Rows.Meta parseMeta(Path meta) throws IOException {
    String[] parts = Files.readString(meta).trim().split(",");
    return new Rows.Meta(parts[0], parts[1]);
  }
}
