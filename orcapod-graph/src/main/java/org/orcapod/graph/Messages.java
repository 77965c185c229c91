package org.orcapod.graph;

import static org.orcapod.graph.Suggestions.didYouMean;

import java.util.Collection;
import java.util.List;

/**
 * The catalogue: every message orcapod reports about a pipeline declaration, at build time (the
 * processor) and at run time (pipelines built through the API). Each says what is wrong, names the
 * elements, columns and types involved, and ends with how to fix it. docs/diagnostics.md shows an
 * example of each.
 */
public final class Messages {
  static final String SUPPORTED_TYPES =
      "long, double, boolean, String, byte[], Path, LocalDate, BigDecimal, List<T> and records of"
          + " these";

  private Messages() {}

  private static Message of(DiagnosticKind kind, String text) {
    return new Message(kind, text);
  }

  private static String quoted(Collection<String> names) {
    return names.isEmpty()
        ? "none"
        : String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
  }

  // ---- wiring -----------------------------------------------------------------------------------

  /** An input names no node. */
  public static Message unknownUpstream(String node, String upstream, Collection<String> nodes) {
    return of(
        DiagnosticKind.UNKNOWN_UPSTREAM,
        "Node '"
            + node
            + "' reads from '"
            + upstream
            + "', but the pipeline has no node of that name."
            + didYouMean(upstream, nodes)
            + " A parameter names its upstream node by that node's method name; rename the"
            + " parameter or declare the node. Nodes: "
            + quoted(nodes)
            + ".");
  }

  /** An input's declared row type is not the upstream node's. */
  public static Message upstreamRowType(
      String node, String upstream, String parameterType, String upstreamType) {
    return of(
        DiagnosticKind.TYPE_MISMATCH,
        "Parameter '"
            + upstream
            + "' of node '"
            + node
            + "' has type "
            + Names.simple(parameterType)
            + ", but node '"
            + upstream
            + "' produces "
            + Names.simple(upstreamType)
            + " rows. Change the parameter's type to "
            + Names.simple(upstreamType)
            + ".");
  }

  /** Nodes read from each other in a cycle; {@code path} starts and ends with the same node. */
  public static Message dagCycle(List<String> path) {
    return of(
        DiagnosticKind.DAG_CYCLE,
        "Nodes read from each other in a cycle: "
            + String.join(" -> ", path)
            + ". A pipeline is acyclic; make one of these nodes read from a node outside the"
            + " cycle.");
  }

  /** Two nodes have one label. */
  public static Message duplicateLabel(String label, String node, String firstNode) {
    return of(
        DiagnosticKind.DUPLICATE_LABEL,
        "Label '"
            + label
            + "' of node '"
            + node
            + "' is already the label of node '"
            + firstNode
            + "'. Labels name stored results, logs and status, so they must be unique; give one"
            + " of the nodes another label with @Label.");
  }

  /** Two nodes have one name (overloaded methods). */
  public static Message duplicateName(String node) {
    return of(
        DiagnosticKind.DUPLICATE_LABEL,
        "Two nodes are named '"
            + node
            + "'. Parameters refer to nodes by method name, so overloaded node methods are"
            + " ambiguous; rename one of the methods.");
  }

  /** A node kind got the wrong number of inputs. */
  public static Message inputCount(String node, NodeKind kind, String expected, int actual) {
    return of(
        DiagnosticKind.INVALID_NODE,
        "@"
            + kind.annotation()
            + " node '"
            + node
            + "' takes "
            + expected
            + ", but declares "
            + actual
            + ". Each parameter names one upstream node; add or remove parameters.");
  }

  /** A node needs a declared row but has none (runtime API). */
  public static Message missingDeclaredRow(String node, NodeKind kind) {
    return of(
        DiagnosticKind.INVALID_NODE,
        "@"
            + kind.annotation()
            + " node '"
            + node
            + "' needs a declared row type to know its columns. Declare the row record (the"
            + " method's return type).");
  }

  // ---- columns and types ------------------------------------------------------------------------

  /**
   * A name refers to a column the input lacks.
   *
   * @param referrer who refers to it, for example {@code "Function LabFunctions.convert's parameter
   *     'temp'"}
   * @param node the node whose input lacks it
   * @param available the input's columns that could have been meant
   * @param fix how to fix it
   */
  public static Message unknownColumn(
      String referrer, String column, String node, Collection<String> available, String fix) {
    return of(
        DiagnosticKind.UNKNOWN_COLUMN,
        referrer
            + " refers to column '"
            + column
            + "', but the input of node '"
            + node
            + "' has no such column."
            + didYouMean(column, available)
            + " Available: "
            + quoted(available)
            + ". "
            + fix);
  }

  /** A packet column reaches a function without a matching parameter. */
  public static Message unconsumedColumn(String node, String function, String column) {
    return of(
        DiagnosticKind.UNCONSUMED_COLUMN,
        "The input of node '"
            + node
            + "' has packet column '"
            + column
            + "', but function "
            + function
            + " has no parameter of that name; a function pod must consume every packet column."
            + " Add a parameter '"
            + column
            + "', or remove the column first with @Drop or @Select.");
  }

  /**
   * A value of one type flows where another is declared.
   *
   * @param target what receives the value, for example {@code "Parameter 'pressureKpa' of
   *     LabFunctions.convert"}
   * @param targetType the type it declares
   * @param source what provides it, for example {@code "column 'pressureKpa' of the input of node
   *     'readings'"}
   * @param sourceType the type provided
   */
  public static Message typeMismatch(
      String target, ColumnType targetType, String source, ColumnType sourceType) {
    String fix;
    if (targetType.name().equals(sourceType.name())) {
      fix =
          "Nulls cannot flow into a non-null slot: annotate it @Nullable (or use Optional<"
              + boxed(targetType.name())
              + ">), or have a packet function upstream return a non-null value (a @Filter keeps"
              + " a column's nullable type).";
    } else {
      fix = "Declare it as " + sourceType.name() + ", or convert the value in a packet function.";
    }
    return of(
        DiagnosticKind.TYPE_MISMATCH,
        target
            + " is "
            + targetType.describe()
            + ", but "
            + source
            + " is "
            + sourceType.describe()
            + ". "
            + fix);
  }

  private static String boxed(String name) {
    switch (name) {
      case "long":
        return "Long";
      case "double":
        return "Double";
      case "boolean":
        return "Boolean";
      default:
        return name;
    }
  }

  /** A node's declared row lacks or adds columns, or puts one in the wrong role. */
  public static Message rowTypeMismatch(
      String node,
      String declaredType,
      RowSchema produced,
      Collection<String> missing,
      Collection<String> extra,
      Collection<String> wrongRole) {
    StringBuilder problems = new StringBuilder();
    if (!missing.isEmpty()) {
      problems.append(" It lacks ").append(quoted(missing)).append('.');
    }
    if (!extra.isEmpty()) {
      problems
          .append(" It has ")
          .append(quoted(extra))
          .append(", which the node does not produce.");
    }
    if (!wrongRole.isEmpty()) {
      problems
          .append(" Tag and packet roles differ for ")
          .append(quoted(wrongRole))
          .append(" (mark exactly the tag components @Tag).");
    }
    return of(
        DiagnosticKind.ROW_TYPE_MISMATCH,
        "Node '"
            + node
            + "' declares rows of "
            + Names.simple(declaredType)
            + ", but it produces tags ["
            + String.join(", ", produced.tagNames())
            + "] and packets ["
            + String.join(", ", produced.packetNames())
            + "]."
            + problems
            + " Make the components of "
            + Names.simple(declaredType)
            + " match.");
  }

  /** Two joined inputs (or a renaming) produce one packet column twice. */
  public static Message packetColumnCollision(
      String node, String column, String firstInput, String secondInput) {
    return of(
        DiagnosticKind.PACKET_COLUMN_COLLISION,
        "Node '"
            + node
            + "' joins '"
            + firstInput
            + "' and '"
            + secondInput
            + "', which both have packet column '"
            + column
            + "'; joined rows cannot hold two packet columns of one name. Rename one with"
            + " @MapPackets, or use @MergeJoin to merge them into a list.");
  }

  /** Joined inputs would have one name as a tag and as a packet column. */
  public static Message tagPacketCollision(
      String node, String column, String tagInput, String packetInput) {
    return of(
        DiagnosticKind.PACKET_COLUMN_COLLISION,
        "Node '"
            + node
            + "' would have column '"
            + column
            + "' both as a tag (from '"
            + tagInput
            + "') and as a packet column (from '"
            + packetInput
            + "'). Rename one of them with @MapTags or @MapPackets.");
  }

  /** A renaming produces a column name that already exists. */
  public static Message renameCollision(String node, String from, String to) {
    return of(
        DiagnosticKind.PACKET_COLUMN_COLLISION,
        "Node '"
            + node
            + "' renames '"
            + from
            + "' to '"
            + to
            + "', but its rows already have a column '"
            + to
            + "'. Choose another name, or drop or rename that column too.");
  }

  /** A column shared by joined inputs has different types. */
  public static Message incompatibleTagTypes(
      String node,
      String column,
      String firstInput,
      ColumnType firstType,
      String secondInput,
      ColumnType secondType) {
    return of(
        DiagnosticKind.INCOMPATIBLE_TAG_TYPES,
        "Node '"
            + node
            + "' joins on tag '"
            + column
            + "', which is "
            + firstType.describe()
            + " in '"
            + firstInput
            + "' but "
            + secondType.describe()
            + " in '"
            + secondInput
            + "'. Give the tag one type in both row records (or rename one with @MapTags if they"
            + " mean different things).");
  }

  /** Joined inputs share no tag column. */
  public static Message cartesianJoin(String node, List<String> inputsWithTags) {
    return of(
        DiagnosticKind.CARTESIAN_JOIN,
        "Node '"
            + node
            + "' joins "
            + String.join(" and ", inputsWithTags)
            + ", which share no tag column, so every row would be paired with every row (a"
            + " cartesian product). Give the inputs a shared tag column (for example with"
            + " @MapTags), or set allowCartesian = true if the product is intended.");
  }

  /** A filter predicate does not parse. */
  public static Message invalidPredicate(String node, String predicate, String problem) {
    return of(
        DiagnosticKind.INVALID_PREDICATE,
        "The predicate of @Filter node '"
            + node
            + "' is not valid: "
            + problem
            + " in \""
            + predicate
            + "\". Write comparisons of a column with a literal joined by and/or/not, for"
            + " example \"pressureKpa > 101.3 and experiment in ('a', 'b')\".");
  }

  /** A filter compares a column with a literal of another kind. */
  public static Message literalMismatch(
      String node, String column, ColumnType columnType, String literal, String expected) {
    return of(
        DiagnosticKind.TYPE_MISMATCH,
        "The predicate of @Filter node '"
            + node
            + "' compares column '"
            + column
            + "', which is "
            + columnType.describe()
            + ", with "
            + literal
            + ". "
            + expected);
  }

  /** A node that needs columns named has none. */
  public static Message emptyColumnList(String node, NodeKind kind) {
    return of(
        DiagnosticKind.INVALID_ANNOTATION,
        "@"
            + kind.annotation()
            + " of node '"
            + node
            + "' names no column. Name at least one column, or remove the node.");
  }

  /** A batch size below zero. */
  public static Message negativeBatchSize(String node, int size) {
    return of(
        DiagnosticKind.INVALID_ANNOTATION,
        "@Batch node '"
            + node
            + "' has size "
            + size
            + ". Use a positive size, or 0 (the default) for one batch of all rows.");
  }

  // ---- declarations (reported by the processor on elements) ----------------------------------

  /** A type orcapod cannot store in a column. */
  public static Message unsupportedType(String what, String type, String hint) {
    return of(
        DiagnosticKind.UNSUPPORTED_TYPE,
        what
            + " has type "
            + type
            + ", which orcapod cannot store in a column. "
            + hint
            + (hint.isEmpty() ? "" : " ")
            + "Supported: "
            + SUPPORTED_TYPES
            + "; a nullable value is @Nullable T or Optional<T>.");
  }

  /** A packet function generated code could not call as declared. */
  public static Message notCallable(String function, String reason, String fix) {
    return of(
        DiagnosticKind.NOT_CALLABLE,
        "Packet function " + function + " cannot be called as declared: " + reason + ". " + fix);
  }

  /** {@code @Apply} names a function that does not exist. */
  public static Message unknownFunction(String owner, String name, Collection<String> functions) {
    String text =
        functions.isEmpty()
            ? owner
                + " declares no @PacketFunction method. Annotate the method to apply with"
                + " @PacketFunction, or name the class that declares it."
            : owner
                + " declares no @PacketFunction named '"
                + name
                + "'."
                + didYouMean(name, functions)
                + " Its packet functions: "
                + quoted(functions)
                + ".";
    return of(DiagnosticKind.UNKNOWN_FUNCTION, text);
  }

  /** {@code @Apply} without a function name on a class with several functions. */
  public static Message ambiguousFunction(String owner, Collection<String> functions) {
    return of(
        DiagnosticKind.UNKNOWN_FUNCTION,
        owner
            + " declares several packet functions ("
            + quoted(functions)
            + "). Name the one to apply with function = \"...\".");
  }

  /** A row type that is not a usable record. */
  public static Message invalidRowType(String what, String type, String reason, String fix) {
    return of(
        DiagnosticKind.INVALID_ROW_TYPE,
        what + " has row type " + type + ", which " + reason + ". " + fix);
  }

  /** A node declaration of the wrong shape. */
  public static Message invalidNode(String what, String reason, String fix) {
    return of(DiagnosticKind.INVALID_NODE, what + " " + reason + ". " + fix);
  }

  /** An annotation attribute with a value that is not allowed. */
  public static Message invalidAnnotation(
      String annotation, String attribute, String value, String reason, String fix) {
    return of(
        DiagnosticKind.INVALID_ANNOTATION,
        "@" + annotation + "(" + attribute + " = \"" + value + "\") " + reason + ". " + fix);
  }

  /** A bug in orcapod. */
  public static Message internalError(String element, Throwable failure) {
    return of(
        DiagnosticKind.INTERNAL_ERROR,
        "orcapod failed while processing "
            + element
            + ": "
            + failure
            + ". This is a bug in orcapod; please report it with this message and the"
            + " declaration.");
  }
}
