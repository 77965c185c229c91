package org.orcapod.operator;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.orcapod.error.DuplicateColumnException;

/** Checks of a rename map against the columns it renames and the columns it must not hit. */
final class Renames {
  private Renames() {}

  /** The entries of {@code nameMap} whose source is among {@code columns}. */
  static Map<String, String> relevant(Map<String, String> nameMap, List<String> columns) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : nameMap.entrySet()) {
      if (columns.contains(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /**
   * Throws when a renamed column would take the name of a kept column of the same group, of a
   * column of the other group, or of another renamed column (as Python, also when the kept column
   * is to be dropped as unmapped).
   */
  static void check(
      String operator,
      Map<String, String> nameMap,
      List<String> renamedGroup,
      List<String> otherGroup) {
    Map<String, String> relevant = relevant(nameMap, renamedGroup);
    Set<String> targets = new HashSet<>();
    for (Map.Entry<String, String> e : relevant.entrySet()) {
      String to = e.getValue();
      if (!targets.add(to)) {
        throw new DuplicateColumnException(
            to,
            operator
                + " maps two columns to '"
                + to
                + "' ("
                + nameMap
                + "); give each renamed column its own name");
      }
      boolean keptInGroup = renamedGroup.contains(to) && !relevant.containsKey(to);
      if (keptInGroup || otherGroup.contains(to)) {
        throw new DuplicateColumnException(
            to,
            operator
                + " renames '"
                + e.getKey()
                + "' to '"
                + to
                + "', which is already a "
                + (keptInGroup
                    ? "column of the same kind"
                    : "column of the other kind (tag/packet)")
                + "; choose another name, or drop or rename '"
                + to
                + "' first");
      }
    }
  }
}
