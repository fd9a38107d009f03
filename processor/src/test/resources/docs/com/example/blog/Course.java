package com.example.blog;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.ManyToMany;
import io.ecto4j.schema.Schema;
import java.util.List;

/** A course, the other side of {@link Student#courses()}. */
@Schema("courses")
public interface Course {
  @Field String title();
  @ManyToMany(joinSchema = Enrollment.class) List<Student> students();
}
