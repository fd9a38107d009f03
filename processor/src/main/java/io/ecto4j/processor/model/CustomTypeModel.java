package io.ecto4j.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Objects;

/**
 * The {@code CustomType} of a {@code @Field(using = …)}: the class the companion constructs once
 * for the field, and how.
 *
 * @param typeClass the {@code CustomType} subclass, e.g. {@code Money.Type}
 * @param takesParams whether it is constructed with {@code TypeParams} (else with no arguments)
 * @param params the parsed {@code params}, alternating keys and values
 */
public record CustomTypeModel(ClassName typeClass, boolean takesParams, List<String> params) {
  public CustomTypeModel {
    Objects.requireNonNull(typeClass, "typeClass");
    params = List.copyOf(params);
  }
}
