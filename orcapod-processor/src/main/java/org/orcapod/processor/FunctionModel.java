package org.orcapod.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import org.orcapod.graph.Column;

/**
 * A valid packet function, as generated code will call it.
 *
 * @param method the annotated method
 * @param owner the qualified name of the class that declares it
 * @param name the function's name in its identity
 * @param major the major version
 * @param minor the minor version
 * @param isStatic whether it is called without an instance
 * @param parameters the input columns, in parameter order
 * @param outputs the output columns
 * @param returnsRecord whether the outputs are a returned record's components
 * @param mayDropPacket whether the return is nullable or Optional (no output drops the packet)
 */
record FunctionModel(
    ExecutableElement method,
    String owner,
    String name,
    int major,
    int minor,
    boolean isStatic,
    List<Column> parameters,
    List<Column> outputs,
    boolean returnsRecord,
    boolean mayDropPacket) {

  /** The name messages use: {@code Owner.function}. */
  String displayName() {
    return owner.substring(owner.lastIndexOf('.') + 1) + "." + method.getSimpleName();
  }
}
