package io.ecto4j.it.conformance;

import io.ecto4j.meta.Meta;
import io.ecto4j.meta.Struct;

/** Ecto's {@code Ecto.put_meta(struct, state: …)} for the tests: a struct as the repo would have loaded or deleted it. */
final class States {
  private States() {}

  static <S extends Struct<S>> S loaded(S struct) {
    return struct.withMeta(struct.meta().withState(Meta.State.LOADED));
  }

  static <S extends Struct<S>> S deleted(S struct) {
    return struct.withMeta(struct.meta().withState(Meta.State.DELETED));
  }
}
