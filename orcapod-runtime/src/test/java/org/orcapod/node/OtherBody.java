package org.orcapod.node;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;
import org.orcapod.function.JavaPacketFunction;
import org.orcapod.schema.Schema;

/** An {@code add_one} whose body lives in another class file, so its fingerprint differs. */
final class OtherBody {
  private OtherBody() {}

  static JavaPacketFunction addOne() {
    Field x = new Field("x", FieldType.notNullable(new ArrowType.Int(64, true)), null);
    Field y = new Field("y", FieldType.notNullable(new ArrowType.Int(64, true)), null);
    return JavaPacketFunction.ofLambda(
        "add_one",
        "v1.0",
        Schema.of(List.of(x)),
        Schema.of(List.of(y)),
        in -> {
          Map<String, @Nullable Object> out = new HashMap<>();
          out.put("y", (Long) in.get("x") + 1 + 0);
          return out;
        });
  }
}
