package io.ecto4j.processor.reading;

import com.palantir.javapoet.ClassName;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.ColumnKind;
import io.ecto4j.processor.model.ColumnModel;
import io.ecto4j.processor.model.ColumnType;
import io.ecto4j.processor.model.FieldOptions;
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
public final class TimestampColumns {
  private TimestampColumns() {}

  /** {@code inserted_at} and, unless turned off, {@code updated_at}; none without {@code @Timestamps}. */
  static List<ColumnModel> read(Annotations annotations, TypeElement schema) {
    Optional<AnnotationMirror> found = annotations.find(schema, RuntimeNames.TIMESTAMPS_ANNOTATION);
    if (found.isEmpty()) {
      return List.of();
    }
    AnnotationMirror timestamps = found.get();
    TypeMapping declared = TypeMapping.scalar(ColumnType.valueOf(annotations.enumName(timestamps, "type")),
        javaType(annotations.enumName(timestamps, "type")));
    TypeMapping mapping = annotations.enumName(timestamps, "precision").equals("SECONDS")
        ? declared.inSeconds() : declared;
    Origin origin = Origin.of(schema, timestamps);
    // An @Embedded has no @Schema (and may not have @Timestamps: its validator says so).
    String schemaViolation = annotations.find(schema, RuntimeNames.SCHEMA)
        .map(schemaAnnotation -> annotations.enumName(schemaAnnotation, "onWritableViolation")).orElse("NOTHING");
    // The inserted_at column holds the generator of both timestamps (Ecto's timestamps autogenerate:).
    FieldOptions insertedAtOptions = new FieldOptions(annotations.enumName(timestamps, "insertedAtWritable"),
        SchemaReader.violation(annotations.enumName(timestamps, "insertedAtOnWritableViolation"), schemaViolation),
        false, true, SchemaReader.generator(annotations, timestamps));
    List<ColumnModel> columns = new ArrayList<>();
    columns.add(timestamp(annotations.string(timestamps, "insertedAt"),
        annotations.string(timestamps, "insertedAtColumn"), ColumnKind.INSERTED_AT, mapping, origin, insertedAtOptions));
    String updatedAt = annotations.string(timestamps, "updatedAt");
    if (!updatedAt.isEmpty()) {
      columns.add(timestamp(updatedAt, annotations.string(timestamps, "updatedAtColumn"), ColumnKind.UPDATED_AT,
          mapping, origin, FieldOptions.DEFAULTS));
    }
    return columns;
  }

  /** A timestamp, in the column its accessor's snake_case names unless {@code column} is given (Ecto's {@code *_source}). */
  private static ColumnModel timestamp(String name, String column, ColumnKind kind, TypeMapping mapping, Origin origin,
      FieldOptions options) {
    return new ColumnModel(name, column.isEmpty() ? Names.snakeCase(name) : column, mapping, kind, false, false,
        Optional.empty(), Optional.empty(), origin, false, options);
  }

  /** The Java type of timestamps declared {@code @Timestamps(type = type)}. */
  public static ClassName javaType(String type) {
    String simpleName = switch (ColumnType.valueOf(type)) {
      case OFFSET_DATE_TIME -> "OffsetDateTime";
      case LOCAL_DATE_TIME -> "LocalDateTime";
      default -> "Instant";
    };
    return ClassName.get("java.time", simpleName);
  }
}
