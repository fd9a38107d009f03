package com.example.blog;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.ManyToMany;
import io.ecto4j.schema.Schema;
import java.util.List;

/** A student, on many courses through the Enrollment join schema. */
@Schema("students")
public interface Student {
  @Field String name();
  @ManyToMany(joinSchema = Enrollment.class, preloadOrder = "title") List<Course> courses();
}
