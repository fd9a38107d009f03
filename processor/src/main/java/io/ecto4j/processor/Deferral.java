package io.ecto4j.processor;

import io.ecto4j.processor.reading.Targets;
import io.ecto4j.processor.reading.Unresolved;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * Which schemas of a round wait for the next one: those mentioning something javac has not
 * resolved yet, and those associated with a waiting schema (their code would refer to its struct).
 */
final class Deferral {
  private Deferral() {}

  static Set<String> of(Map<String, TypeElement> schemas, Targets targets) {
    Set<String> deferred = new HashSet<>();
    schemas.forEach((name, schema) -> Unresolved.find(schema).ifPresent(what -> deferred.add(name)));
    boolean changed = !deferred.isEmpty();
    while (changed) {
      changed = false;
      for (Map.Entry<String, TypeElement> schema : schemas.entrySet()) {
        if (!deferred.contains(schema.getKey())
            && targets.targetsOf(schema.getValue()).stream().anyMatch(deferred::contains)) {
          deferred.add(schema.getKey());
          changed = true;
        }
      }
    }
    return deferred;
  }
}
