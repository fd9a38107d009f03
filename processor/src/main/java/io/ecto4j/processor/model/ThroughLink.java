package io.ecto4j.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a {@code through} path: the association {@code name} of the schema {@code owner},
 * and the schema it leads to, empty when {@code owner} has no such association.
 */
public record ThroughLink(String name, ClassName owner, ClassName ownerCompanion, Optional<SchemaRef> target) {
  public ThroughLink {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(ownerCompanion, "ownerCompanion");
    Objects.requireNonNull(target, "target");
  }
}
