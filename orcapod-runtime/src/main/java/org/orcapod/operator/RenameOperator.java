package org.orcapod.operator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.orcapod.stream.Identity;

/**
 * The shared shape of {@link MapPackets} and {@link MapTags}: a name map and a {@code dropUnmapped}
 * flag, with Python's identity {@code (ClassName, name_map, drop_unmapped)}.
 */
abstract class RenameOperator extends UnaryOperator {
  private final String className;
  private final Map<String, String> nameMap;
  private final boolean dropUnmapped;

  RenameOperator(String className, Map<String, String> nameMap, boolean dropUnmapped) {
    this.className = className;
    this.nameMap = Collections.unmodifiableMap(new LinkedHashMap<>(nameMap));
    this.dropUnmapped = dropUnmapped;
  }

  /** The name map. */
  public final Map<String, String> nameMap() {
    return nameMap;
  }

  /** Whether the columns the map does not name are dropped. */
  public final boolean dropUnmapped() {
    return dropUnmapped;
  }

  /** Python's {@code (ClassName, name_map, drop_unmapped)}. */
  @Override
  public final Object identityStructure() {
    return Identity.tuple(className, nameMap, dropUnmapped);
  }
}
