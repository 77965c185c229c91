package org.orcapod.function;

import java.util.List;
import java.util.Objects;
import org.orcapod.stream.Identity;

/**
 * A packet function's uri, as Python orcapod's {@code PacketFunctionBase.uri}: {@code
 * (canonical_name, output_schema_hash, "v<major>", type_id)}. It is the function's content and
 * pipeline identity, and the record path of its cached results.
 *
 * @param name the canonical function name
 * @param outputSchemaHash the semantic hash of the output packet schema, {@code method:hex}
 * @param majorVersion {@code v} followed by the major version, e.g. {@code v1}
 * @param typeId the packet-function type id, e.g. {@code java.function.v0}
 */
public record FunctionUri(
    String name, String outputSchemaHash, String majorVersion, String typeId) {
  /** Checks that no component is null. */
  public FunctionUri {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(outputSchemaHash, "outputSchemaHash");
    Objects.requireNonNull(majorVersion, "majorVersion");
    Objects.requireNonNull(typeId, "typeId");
  }

  /** The four components in order. */
  public List<String> components() {
    return List.of(name, outputSchemaHash, majorVersion, typeId);
  }

  /** The Python tuple of the components, hashed as Python hashes {@code uri}. */
  public Object identityStructure() {
    return Identity.tuple(name, outputSchemaHash, majorVersion, typeId);
  }

  /** The components joined by {@code :}, the first block of an output's source-info token. */
  public String joined() {
    return String.join(":", components());
  }
}
