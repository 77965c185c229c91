package notes;

import org.orcapod.annotations.*;

/** Filters with null tests, one of them spelled as a negation. */
@Pipeline(name = "notes")
public interface Notes {
  @Source
  Entry entries();

  @Filter("NOT (note IS NULL)")
  Entry annotated(Entry entries);

  @Filter("note is null")
  Entry unannotated(Entry entries);

  @Filter("(score is null or score > 1.5) and not (day is not null and count >= 3)")
  Entry mixed(Entry entries);

  @Filter("day >= '2024-05-02' and amount > 2.5 or amount in (1, 7)")
  Entry recent(Entry entries);
}
