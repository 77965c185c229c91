package org.orcapod.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One parsed context description: its key, version, description and the JSON spec of each component
 * in declaration order.
 */
record ContextSpec(
    String contextKey, String version, String description, Map<String, JsonNode> components) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static ContextSpec parse(String source, String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new DataContextConfigurationException(
          "context description " + source + " is not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new DataContextConfigurationException(
          "context description " + source + " must be a JSON object");
    }
    String key = requireText(root, "context_key", source);
    String version = requireText(root, "version", source);
    if (key.split(":").length < 2 || !key.split(":")[1].equals(version)) {
      throw new DataContextConfigurationException(
          "context description "
              + source
              + ": context_key '"
              + key
              + "' must have the form <namespace>:"
              + version
              + ":<name> to match its version");
    }
    JsonNode components = root.get("components");
    if (components == null || !components.isObject()) {
      throw new DataContextConfigurationException(
          "context description " + source + " needs a 'components' object");
    }
    Map<String, JsonNode> specs = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : components.properties()) {
      if (!e.getValue().isObject() || !e.getValue().path("_class").isTextual()) {
        throw new DataContextConfigurationException(
            "context "
                + key
                + ": component '"
                + e.getKey()
                + "' needs a '_class' naming a Java class");
      }
      specs.put(e.getKey(), e.getValue());
    }
    JsonNode description = root.get("description");
    return new ContextSpec(
        key,
        version,
        description == null ? "" : description.asText(),
        Collections.unmodifiableMap(specs));
  }

  private static String requireText(JsonNode root, String field, String source) {
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual() || node.asText().isEmpty()) {
      throw new DataContextConfigurationException(
          "context description " + source + " needs a non-empty string field '" + field + "'");
    }
    return node.asText();
  }
}
