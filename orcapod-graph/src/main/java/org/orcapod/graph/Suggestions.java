package org.orcapod.graph;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the name a user most likely meant, for "did you mean …?" hints. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code wrong} by edit distance (case differences cost nothing), if one
   * is close enough to be a plausible typo (an edit distance of at most a third of the longer name,
   * at least 2) or one name starts with the other; ties go to the earlier candidate.
   */
  public static Optional<String> closest(String wrong, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String w = wrong.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      String c = candidate.toLowerCase(Locale.ROOT);
      int d = distance(w, c);
      int limit = Math.max(2, Math.max(w.length(), c.length()) / 3);
      boolean prefix =
          Math.min(w.length(), c.length()) >= 3 && (c.startsWith(w) || w.startsWith(c));
      if ((d <= limit || prefix) && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code " Did you mean 'x'?"} or the empty string. */
  static String didYouMean(String wrong, Collection<String> candidates) {
    return closest(wrong, candidates).map(s -> " Did you mean '" + s + "'?").orElse("");
  }

  /** Levenshtein distance with adjacent transpositions (optimal string alignment). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
