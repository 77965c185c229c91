package org.orcapod.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where records live inside a database: a sequence of names such as {@code ("my_pipeline",
 * "_result", "add_one")}, like the {@code record_path} tuples of Python orcapod.
 *
 * <p>Every component is validated on construction: it must be non-empty, must not contain {@code
 * '/'} (the separator of the stored record key) and must not contain control characters such as
 * NUL. A bad component raises {@link InvalidRecordPathException} naming it.
 *
 * @param components the path components, outermost first; may be empty only for a base path
 */
public record RecordPath(List<String> components) {
  /** Longest path a database accepts, counting its base path; Python orcapod uses the same. */
  public static final int MAX_DEPTH = 10;

  /** The empty path: the base path of a root (unscoped) database. */
  public static final RecordPath ROOT = new RecordPath(List.of());

  public RecordPath {
    components = List.copyOf(components);
    for (int i = 0; i < components.size(); i++) {
      validateComponent(components, i);
    }
    if (components.size() > MAX_DEPTH) {
      throw new InvalidRecordPathException(
          String.join("/", components),
          "has "
              + components.size()
              + " components, more than the maximum of "
              + MAX_DEPTH
              + "; use fewer, longer components");
    }
  }

  /** Builds a path from its components, validating each. */
  public static RecordPath of(String... components) {
    return new RecordPath(Arrays.asList(components));
  }

  /** Parses a key written by {@link #key()} back into a path. */
  public static RecordPath parseKey(String key) {
    return key.isEmpty() ? ROOT : new RecordPath(Arrays.asList(key.split("/", -1)));
  }

  /** This path followed by {@code more}. */
  public RecordPath resolve(RecordPath more) {
    List<String> all = new ArrayList<>(components);
    all.addAll(more.components);
    return new RecordPath(all);
  }

  /** The components joined with {@code '/'}: the key under which the records are stored. */
  public String key() {
    return String.join("/", components);
  }

  public boolean isEmpty() {
    return components.isEmpty();
  }

  @Override
  public String toString() {
    return "(" + String.join(", ", components) + ")";
  }

  private static void validateComponent(List<String> components, int index) {
    String component = components.get(index);
    String where = "component " + index + " \"" + printable(component) + "\"";
    String path = String.join("/", components);
    if (component.isEmpty()) {
      throw new InvalidRecordPathException(
          path, where + " is empty; every component needs at least one character");
    }
    if (component.indexOf('/') >= 0) {
      throw new InvalidRecordPathException(
          path,
          where
              + " contains '/', which separates components in the stored key;"
              + " pass the parts as separate components or replace '/' with '_'");
    }
    for (int i = 0; i < component.length(); i++) {
      if (Character.isISOControl(component.charAt(i))) {
        throw new InvalidRecordPathException(
            path,
            where
                + " contains the control character U+"
                + String.format("%04X", (int) component.charAt(i))
                + " at position "
                + i
                + "; remove it");
      }
    }
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c)) {
        b.append(String.format("\\u%04X", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
