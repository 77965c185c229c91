package org.orcapod.hashing.semantic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Python {@code collections.namedtuple} instance inside an identity structure: the class name and
 * the field values. Python orcapod hashes it as {@code {"__type__":"namedtuple","name":...,
 * "fields":{...}}} with the fields sorted by name, so field order does not change the hash.
 *
 * @param name the namedtuple class name ({@code type(obj).__name__} in Python)
 * @param fields field name to value; copied, order kept for display only
 */
public record NamedTuple(String name, Map<String, @Nullable Object> fields) {
  public NamedTuple {
    Objects.requireNonNull(name, "name");
    LinkedHashMap<String, @Nullable Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, @Nullable Object> e : fields.entrySet()) {
      copy.put(Objects.requireNonNull(e.getKey(), "namedtuple field name"), e.getValue());
    }
    fields = Collections.unmodifiableMap(copy);
  }
}
