package org.orcapod.graph;

import java.util.Objects;

/**
 * Where a diagnostic belongs, in terms both the processor (elements) and the runtime (labels) can
 * map: a node and a part of its declaration.
 *
 * @param node the node's name
 * @param site which part of the node's declaration
 * @param detail the parameter name for {@link Site#PARAMETER}, the annotation attribute for {@link
 *     Site#ANNOTATION}, the column for {@link Site#RETURN_TYPE} (may be empty), else empty
 */
public record Anchor(String node, Site site, String detail) {
  /** The part of a node declaration a diagnostic sits on. */
  public enum Site {
    /** The node as a whole (the method). */
    METHOD,
    /** One input (a method parameter). */
    PARAMETER,
    /** The declared row type (the method's return type). */
    RETURN_TYPE,
    /** An attribute of the node's kind annotation. */
    ANNOTATION
  }

  /** Checks the parts. */
  public Anchor {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(detail, "detail");
  }

  /** The node as a whole. */
  public static Anchor method(String node) {
    return new Anchor(node, Site.METHOD, "");
  }

  /** One of the node's inputs. */
  public static Anchor parameter(String node, String parameter) {
    return new Anchor(node, Site.PARAMETER, parameter);
  }

  /** The node's declared row type, optionally one of its columns. */
  public static Anchor returnType(String node, String column) {
    return new Anchor(node, Site.RETURN_TYPE, column);
  }

  /** An attribute of the node's kind annotation ({@code "value"} for the main one). */
  public static Anchor annotation(String node, String attribute) {
    return new Anchor(node, Site.ANNOTATION, attribute);
  }

  @Override
  public String toString() {
    return detail.isEmpty()
        ? "node '" + node + "'"
        : "node '"
            + node
            + "' ("
            + site.name().toLowerCase(java.util.Locale.ROOT)
            + " "
            + detail
            + ")";
  }
}
