package org.orcapod.hashing.arrow;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Replaces the index type of dictionary-encoded fields by their value type. Arrow Java keeps the
 * index type (for example int32) in an in-memory field; starfix describes and hashes a dictionary
 * column as its values, which only the dictionary itself knows.
 */
final class DictionaryFields {
  private DictionaryFields() {}

  static Schema toValueTypes(Schema schema, @Nullable DictionaryProvider dictionaries) {
    List<Field> fields = schema.getFields();
    List<Field> out = new ArrayList<>(fields.size());
    boolean changed = false;
    for (Field f : fields) {
      Field v = toValueTypes(f, dictionaries, f.getName());
      changed |= v != f;
      out.add(v);
    }
    return changed ? new Schema(out, schema.getCustomMetadata()) : schema;
  }

  static List<Field> toValueTypes(List<Field> fields, @Nullable DictionaryProvider dictionaries) {
    List<Field> out = new ArrayList<>(fields.size());
    for (Field f : fields) {
      out.add(toValueTypes(f, dictionaries, f.getName()));
    }
    return out;
  }

  /**
   * The field with value types for every dictionary-encoded field in it (itself unchanged if none).
   */
  static Field toValueTypes(Field field, @Nullable DictionaryProvider dictionaries, String column) {
    DictionaryEncoding encoding = field.getDictionary();
    if (encoding != null) {
      Dictionary dictionary = dictionaries == null ? null : dictionaries.lookup(encoding.getId());
      if (dictionary == null) {
        throw new IllegalArgumentException(
            "column '"
                + column
                + "' is dictionary-encoded (dictionary id "
                + encoding.getId()
                + ") but no DictionaryProvider holding that dictionary was given; pass the"
                + " provider (for example the ArrowReader the batches came from)");
      }
      Field values = dictionary.getVector().getField();
      return new Field(
          field.getName(),
          new FieldType(field.isNullable(), values.getType(), encoding, field.getMetadata()),
          toValueTypes(values.getChildren(), dictionaries));
    }
    List<Field> children = field.getChildren();
    if (children.isEmpty()) {
      return field;
    }
    List<Field> converted = new ArrayList<>(children.size());
    boolean changed = false;
    for (Field c : children) {
      Field v = toValueTypes(c, dictionaries, column);
      changed |= v != c;
      converted.add(v);
    }
    return changed ? new Field(field.getName(), field.getFieldType(), converted) : field;
  }
}
