package io.ecto4j.repo;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.type.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the repo fills in before an insert: the timestamps (where not set) and a UUID primary key
 * (where not set). {@code insert} gets both; {@code insertAll} only the key unless asked for
 * timestamps, as Ecto's {@code insert_all} autogenerates a {@code binary_id} key but no timestamps.
 */
final class InsertStamps {
  private InsertStamps() {}

  static <S> List<S> prepare(Table<S> table, List<S> rows, Instant now) {
    List<S> prepared = new ArrayList<>(rows.size());
    for (S row : rows) {
      prepared.add(prepare(table, row, now));
    }
    return prepared;
  }

  /** {@code struct} with a UUID key where it has none, and timestamps where unset unless {@code now} is null. */
  static <S> S prepare(Table<S> table, S struct, Instant now) {
    S stamped = now == null ? struct : table.timestamps().map(t -> t.onInsert(struct, now)).orElse(struct);
    return withUuidKey(table, stamped);
  }

  @SuppressWarnings("unchecked")
  private static <S> S withUuidKey(Table<S> table, S struct) {
    Optional<Field<S, ?>> key = table.primaryKey();
    if (key.isEmpty() || table.primaryKeyGeneratedByDatabase() || key.get().type() != Types.UUID_TYPE) {
      return struct;
    }
    Field<S, UUID> uuidKey = (Field<S, UUID>) key.get();
    return uuidKey.get(struct) == null ? uuidKey.set(struct, UUID.randomUUID()) : struct;
  }
}
