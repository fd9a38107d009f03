package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.ManyToMany;
import io.ecto4j.schema.Schema;
import java.util.List;

/** One side of a many_to_many through a join schema, Ecto's {@code join_through: Enrollment}. */
@Schema("students")
public interface Student {
  Long id();

  @Field(nullable = false) String name();

  @ManyToMany(joinSchema = Enrollment.class, preloadOrder = "title") List<Course> courses();
}
