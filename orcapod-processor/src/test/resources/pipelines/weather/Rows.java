package weather;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.orcapod.annotations.Tag;

final class Rows {
  private Rows() {}

  record DayFile(@Tag LocalDate day, Path data) {}

  record MetaFile(@Tag LocalDate day, Path meta) {}

  record Stats(long count, double mean, double min, double max) {}

  record DayStats(@Tag LocalDate day, long count, double mean, double min, double max) {}

  record Meta(String station, String operator) {}

  record DayMeta(@Tag LocalDate day, String station, String operator) {}

  record DayReport(
      @Tag LocalDate day,
      long count,
      double mean,
      double min,
      double max,
      String station,
      String operator) {}

  record Summary(
      @Tag List<LocalDate> day,
      List<Long> count,
      List<Double> mean,
      List<Double> min,
      List<Double> max,
      List<String> station,
      List<String> operator) {}
}
