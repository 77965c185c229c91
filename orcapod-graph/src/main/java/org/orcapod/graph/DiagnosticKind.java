package org.orcapod.graph;

/**
 * Every kind of problem orcapod reports about a pipeline declaration, each with a stable id that
 * prefixes its messages ({@code [Orcapod/UnknownColumn]}) and that docs/diagnostics.md explains.
 * Ids never change meaning; new problems get new ids.
 */
public enum DiagnosticKind {
  /** An input names a node the pipeline does not have. */
  UNKNOWN_UPSTREAM("UnknownUpstream"),
  /** Nodes read from each other in a cycle. */
  DAG_CYCLE("DagCycle"),
  /** A name refers to a column that the input does not have. */
  UNKNOWN_COLUMN("UnknownColumn"),
  /** A packet column reaches a function that has no parameter for it. */
  UNCONSUMED_COLUMN("UnconsumedColumn"),
  /** A value of one type (or nullability) flows where another is declared. */
  TYPE_MISMATCH("TypeMismatch"),
  /** A node's declared row record does not have the columns the node produces. */
  ROW_TYPE_MISMATCH("RowTypeMismatch"),
  /** Two inputs of a join (or a renaming) produce two packet columns with one name. */
  PACKET_COLUMN_COLLISION("PacketColumnCollision"),
  /** A column shared by joined inputs has different types in them. */
  INCOMPATIBLE_TAG_TYPES("IncompatibleTagTypes"),
  /** Joined inputs share no tag column and the node did not opt in to a cartesian product. */
  CARTESIAN_JOIN("CartesianJoin"),
  /** Two nodes have the same label (or the same name). */
  DUPLICATE_LABEL("DuplicateLabel"),
  /** A filter predicate does not parse. */
  INVALID_PREDICATE("InvalidPredicate"),
  /** A parameter, component or return type orcapod cannot store in a column. */
  UNSUPPORTED_TYPE("UnsupportedType"),
  /** A packet function that generated code could not call as declared. */
  NOT_CALLABLE("NotCallable"),
  /** {@code @Apply} names a packet function that does not exist or is ambiguous. */
  UNKNOWN_FUNCTION("UnknownFunction"),
  /** A row type that is not a usable record. */
  INVALID_ROW_TYPE("InvalidRowType"),
  /** A node declaration with the wrong shape: no kind, two kinds, wrong number of inputs. */
  INVALID_NODE("InvalidNode"),
  /** An annotation attribute with a value that is not allowed. */
  INVALID_ANNOTATION("InvalidAnnotation"),
  /** A bug in orcapod itself. */
  INTERNAL_ERROR("InternalError");

  private final String id;

  DiagnosticKind(String id) {
    this.id = id;
  }

  /** The stable id, for example {@code "DagCycle"}. */
  public String id() {
    return id;
  }

  /** The prefix of every message of this kind, for example {@code "[Orcapod/DagCycle]"}. */
  public String tag() {
    return "[Orcapod/" + id + "]";
  }
}
