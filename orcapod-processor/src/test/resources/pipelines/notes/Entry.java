package notes;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.orcapod.annotations.Tag;

public record Entry(
    @Tag String id,
    long count,
    @Nullable String note,
    @Nullable Double score,
    @Nullable LocalDate day,
    @Nullable BigDecimal amount) {}
