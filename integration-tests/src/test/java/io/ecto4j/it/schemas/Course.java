package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.ManyToMany;
import io.ecto4j.schema.Schema;
import java.util.List;

/** The other side of {@link Student#courses()}, through the same join schema. */
@Schema("courses")
public interface Course {
  Long id();

  @Field(nullable = false) String title();

  @ManyToMany(joinSchema = Enrollment.class, preloadOrder = "name DESC") List<Student> students();
}
