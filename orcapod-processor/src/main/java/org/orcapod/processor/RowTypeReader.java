package org.orcapod.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import org.jspecify.annotations.Nullable;
import org.orcapod.graph.Column;
import org.orcapod.graph.ColumnType;
import org.orcapod.graph.DeclaredRow;
import org.orcapod.graph.Messages;
import org.orcapod.graph.RowSchema;

/**
 * Reads a row record: {@code @Tag} components are tag columns, the others packet columns. Each
 * record is read once per compilation; its problems sit on its components.
 */
final class RowTypeReader {
  private final ColumnTypes columnTypes;
  private final Map<String, Result> cache = new HashMap<>();

  /** A record's row, or null with the problems that prevented it. */
  record Result(@Nullable DeclaredRow row, Problems problems) {}

  RowTypeReader(ColumnTypes columnTypes) {
    this.columnTypes = columnTypes;
  }

  /**
   * Reads {@code type} as a row. Problems about the type itself sit on {@code user} (the method or
   * parameter that declares it), problems about components on the components.
   */
  @Nullable DeclaredRow read(TypeMirror type, Element user, String what, Problems problems) {
    if (type.getKind() == TypeKind.ERROR) {
      throw new TypeNotYetGenerated(type.toString());
    }
    TypeElement record =
        type instanceof DeclaredType d && d.asElement() instanceof TypeElement te ? te : null;
    if (record == null || record.getKind() != ElementKind.RECORD) {
      problems.add(
          user,
          Messages.invalidRowType(
              what,
              type.toString(),
              "is not a record",
              "Declare the rows as a record whose components are the columns, marking tag"
                  + " components @Tag."));
      return null;
    }
    if (!record.getTypeParameters().isEmpty()) {
      problems.add(
          user,
          Messages.invalidRowType(
              what,
              type.toString(),
              "is generic",
              "Use a record with concrete component types, so each column has one type."));
      return null;
    }
    String key = record.getQualifiedName().toString();
    Result result = cache.get(key);
    if (result == null) {
      result = readRecord(record);
      cache.put(key, result);
    }
    problems.addAll(result.problems());
    if (result.row() == null && result.problems().isEmpty()) {
      return null;
    }
    if (result.row() != null && result.row().schema().packets().isEmpty()) {
      problems.add(
          user,
          Messages.invalidRowType(
              what,
              record.getSimpleName().toString(),
              "has no packet column (every component is @Tag)",
              "Add a component without @Tag: every row carries at least one packet column."));
      return null;
    }
    return result.row();
  }

  private Result readRecord(TypeElement record) {
    Problems problems = new Problems();
    List<Column> tags = new ArrayList<>();
    List<Column> packets = new ArrayList<>();
    for (RecordComponentElement c :
        ElementFilter.recordComponentsIn(record.getEnclosedElements())) {
      String name = c.getSimpleName().toString();
      Element accessor = c.getAccessor();
      boolean nullableOnAccessor =
          ColumnTypes.hasNullable(c.getAnnotationMirrors())
              || accessor != null && ColumnTypes.hasNullable(accessor.getAnnotationMirrors());
      ColumnType type =
          columnTypes.read(
              c.asType(),
              ColumnTypes.site(c),
              "Component '" + name + "' of " + record.getSimpleName(),
              problems);
      if (type == null) {
        continue;
      }
      if (nullableOnAccessor) {
        type = type.withNullable(true);
      }
      boolean tag = Annotations.find(c, Names.TAG).isPresent();
      (tag ? tags : packets).add(new Column(name, type));
    }
    if (!problems.isEmpty()) {
      return new Result(null, problems);
    }
    return new Result(
        new DeclaredRow(record.getQualifiedName().toString(), new RowSchema(tags, packets)),
        problems);
  }
}
