package org.orcapod.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.arrow.memory.BufferAllocator;
import org.jspecify.annotations.Nullable;
import org.orcapod.stream.Identity;

/**
 * A source over a list of values (Python orcapod's {@code ListSource}): each element becomes the
 * packet column {@code name}; the tag is {@code element_index} or what a tag function returns.
 *
 * <p>Identity, as Python's: {@code ("ListSource", name, tuple(elements), tag_function_id)}, where
 * the tag function id of the default tag is Python's qualified name of its default function, so a
 * default list source hashes as in Python.
 */
public final class ListSource extends RootSource {
  /** The id Python orcapod gives its default tag function ({@code "name"} hash mode). */
  public static final String DEFAULT_TAG_FUNCTION_ID =
      "orcapod.core.sources.list_source.ListSource._default_tag";

  private final String name;
  private final List<@Nullable Object> elements;
  private final String tagFunctionId;

  private ListSource(
      SourceStreamBuilder.Result result,
      SourceContext context,
      String name,
      List<@Nullable Object> elements,
      String tagFunctionId) {
    super(result, context);
    this.name = name;
    this.elements = elements;
    this.tagFunctionId = tagFunctionId;
  }

  @Override
  protected String pythonClassName() {
    return "ListSource";
  }

  /** A source with the default tag {@code element_index}. */
  public static ListSource of(
      String name,
      List<?> elements,
      @Nullable String sourceId,
      SourceContext context,
      BufferAllocator allocator) {
    return of(
        name,
        elements,
        (element, index) -> Map.of("element_index", (long) index),
        List.of("element_index"),
        DEFAULT_TAG_FUNCTION_ID,
        sourceId,
        context,
        allocator);
  }

  /**
   * A source whose tag for each element is {@code tagFunction(element, index)}.
   *
   * @param tagKeys the tag columns the function produces
   * @param tagFunctionId a stable name of the function for the source's identity
   */
  public static ListSource of(
      String name,
      List<?> elements,
      BiFunction<Object, Integer, Map<String, ?>> tagFunction,
      List<String> tagKeys,
      String tagFunctionId,
      @Nullable String sourceId,
      SourceContext context,
      BufferAllocator allocator) {
    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    List<@Nullable Object> copy = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      Object element = elements.get(i);
      copy.add(element);
      Map<String, @Nullable Object> row = new LinkedHashMap<>(tagFunction.apply(element, i));
      row.put(name, element);
      rows.add(row);
    }
    try (var table = RowTables.fromMaps(rows, allocator)) {
      return new ListSource(
          new SourceStreamBuilder(context)
              .build(table, tagKeys, sourceId, null, List.of(), allocator),
          context,
          name,
          java.util.Collections.unmodifiableList(copy),
          tagFunctionId);
    }
  }

  /** The packet column name. */
  public String name() {
    return name;
  }

  @Override
  public Object identityStructure() {
    return Identity.tuple(pythonClassName(), name, Identity.tuple(elements), tagFunctionId);
  }
}
