package com.example.blog;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import java.util.List;

/** Values of several types, for the cast options' example. */
@Schema("samples")
public interface Sample {
  @Field Integer number();
  @Field List<String> strings();
}
