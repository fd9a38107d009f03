package io.ecto4j.processor.reading;

import com.palantir.javapoet.ClassName;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.ColumnKind;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.ColumnType;
import io.ecto4j.processor.model.Names;
import io.ecto4j.processor.model.Origin;
import io.ecto4j.processor.model.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * The columns a {@code @Timestamps} adds to a schema: read once here for the schema's own model
 * and for what another schema sees of it (a {@code preloadOrder = "inserted_at DESC"} names one).
 */
final class TimestampColumns {
  private TimestampColumns() {}

  /** {@code inserted_at} and, unless turned off, {@code updated_at}; none without {@code @Timestamps}. */
  static List<ColumnModel> read(Annotations annotations, TypeElement schema) {
    Optional<AnnotationMirror> found = annotations.find(schema, RuntimeNames.TIMESTAMPS_ANNOTATION);
    if (found.isEmpty()) {
      return List.of();
    }
    AnnotationMirror timestamps = found.get();
    TypeMapping mapping = mapping(annotations.enumName(timestamps, "type"));
    Origin origin = Origin.of(schema, timestamps);
    List<ColumnModel> columns = new ArrayList<>();
    columns.add(timestamp(annotations.string(timestamps, "insertedAt"), ColumnKind.INSERTED_AT, mapping, origin));
    String updatedAt = annotations.string(timestamps, "updatedAt");
    if (!updatedAt.isEmpty()) {
      columns.add(timestamp(updatedAt, ColumnKind.UPDATED_AT, mapping, origin));
    }
    return columns;
  }

  private static ColumnModel timestamp(String name, ColumnKind kind, TypeMapping mapping, Origin origin) {
    return new ColumnModel(name, Names.snakeCase(name), mapping, kind, false, false, Optional.empty(),
        Optional.empty(), origin);
  }

  private static TypeMapping mapping(String type) {
    ColumnType columnType = ColumnType.valueOf(type);
    String simpleName = switch (columnType) {
      case OFFSET_DATE_TIME -> "OffsetDateTime";
      case LOCAL_DATE_TIME -> "LocalDateTime";
      default -> "Instant";
    };
    return TypeMapping.scalar(columnType, ClassName.get("java.time", simpleName));
  }
}
