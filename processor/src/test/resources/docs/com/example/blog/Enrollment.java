package com.example.blog;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.PrimaryKey;
import io.ecto4j.schema.ReferenceAction;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;

/** The join schema of students and courses: its rows carry timestamps and a grade. */
@Schema(value = "enrollments", primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
@Timestamps
public interface Enrollment {
  @BelongsTo(nullable = false, onDelete = ReferenceAction.DELETE_ALL) Student student();
  @BelongsTo(nullable = false, onDelete = ReferenceAction.DELETE_ALL) Course course();
  @Field String grade();
}
