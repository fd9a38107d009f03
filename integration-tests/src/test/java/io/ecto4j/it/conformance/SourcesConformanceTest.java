package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.SrcBareboneStruct;
import io.ecto4j.it.schemas.SrcBarebones;
import io.ecto4j.it.schemas.SrcPostStruct;
import io.ecto4j.it.schemas.SrcPosts;
import io.ecto4j.query.Alias;
import io.ecto4j.query.Expression;
import io.ecto4j.query.FragmentSource;
import io.ecto4j.query.JoinType;
import io.ecto4j.query.Query;
import io.ecto4j.query.Tuple2;
import io.ecto4j.query.Update;
import io.ecto4j.query.Values;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.FieldType;
import io.ecto4j.type.Types;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Query sources beyond tables on PostgreSQL (issue #18): values lists (Ecto's {@code values/2}) read,
 * joined and driving bulk writes, fragments read as a schema's structs, table hints and a join's
 * own prefix.
 */
@EctoTest(sandbox = true)
class SourcesConformanceTest {
  private static final Map<String, FieldType<?>> TYPES = Map.of("bid", Types.UUID_TYPE, "visits", Types.INTEGER);

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    db.execute(SrcPosts.DDL);
    db.execute(SrcBarebones.DDL);
  }

  private static Map<String, Object> row(UUID bid, int visits) {
    Map<String, Object> row = new HashMap<>();
    row.put("bid", bid);
    row.put("visits", visits);
    return row;
  }

  /** Ports ecto integration_test/cases/repo.exs "values list / all": whole rows, and a row with one of its columns. */
  @Test
  void valuesListAll(Repo repo) {
    UUID uuid = UUID.randomUUID();
    List<Map<String, Object>> values = List.of(row(uuid, 1), row(uuid, 2));
    assertThat(repo.all(Query.from(Values.of(values, TYPES)))).isEqualTo(values);
    Alias<Map<String, Object>> v = Alias.of(Values.of(values, TYPES), "v");
    assertThat(repo.all(Query.from(v).select(v, v.column("bid", Types.UUID_TYPE))))
        .containsExactly(new Tuple2<>(values.get(0), uuid), new Tuple2<>(values.get(1), uuid));
  }

  /** Ports ecto integration_test/cases/repo.exs "values list / all with schema types": values cast by the schema's types. */
  @Test
  void valuesListAllWithSchemaTypes(Repo repo) {
    UUID uuid = UUID.randomUUID();
    List<Map<String, Object>> raw = List.of(Map.of("bid", uuid.toString(), "visits", "1"),
        Map.of("bid", uuid.toString(), "visits", "2"));
    assertThat(repo.all(Query.from(Values.of(raw, SrcPosts.SCHEMA)))).containsExactlyInAnyOrder(row(uuid, 1), row(uuid, 2));
  }

  /** Ports ecto integration_test/cases/repo.exs "values list / all with join". */
  @Test
  void valuesListAllWithJoin(Repo repo) {
    UUID uuid = UUID.randomUUID();
    Alias<Map<String, Object>> v1 = Alias.of(Values.of(List.of(row(uuid, 1), row(uuid, 2)), TYPES), "v1");
    Alias<Map<String, Object>> v2 = Alias.of(Values.of(List.of(row(uuid, 1)), TYPES), "v2");
    Query<Map<String, Object>> query = Query.from(v1)
        .join(v2, v1.column("visits", Types.INTEGER).eq(v2.column("visits", Types.INTEGER)));
    assertThat(repo.all(query)).containsExactly(row(uuid, 1));
  }

  /** Ports ecto integration_test/cases/repo.exs "values list / delete_all": a NULL in a values row matches nothing. */
  @Test
  void valuesListDeleteAll(Repo repo) {
    UUID uuid = UUID.randomUUID();
    repo.insertOrThrow(new SrcPostStruct().withBid(uuid).withVisits(1));
    SrcPostStruct p2 = repo.insertOrThrow(new SrcPostStruct().withBid(uuid).withVisits(5));
    Alias<Map<String, Object>> v = Alias.of(Values.of(List.of(row(uuid, 1), row(null, 1), row(uuid, 3)), TYPES), "v");
    long deleted = repo.deleteAll(SrcPosts.query().join(v, SrcPosts.VISITS.eq(v.column("visits", Types.INTEGER))));
    assertThat(deleted).isEqualTo(1);
    assertThat(repo.all(SrcPosts.query())).containsExactly(p2);
  }

  /** Ports ecto integration_test/cases/repo.exs "values list / update_all": the values list sets the column. */
  @Test
  void valuesListUpdateAll(Repo repo) {
    UUID uuid = UUID.randomUUID();
    repo.insertOrThrow(new SrcPostStruct().withBid(uuid).withVisits(1));
    Alias<Map<String, Object>> v = Alias.of(Values.of(List.of(row(uuid, 10), row(null, 2)), TYPES), "v");
    Expression<Integer> visits = v.column("visits", Types.INTEGER);
    long updated = repo.updateAll(SrcPosts.query().join(v, SrcPosts.BID.eq(v.column("bid", Types.UUID_TYPE))),
        Update.set(SrcPosts.VISITS, visits));
    assertThat(updated).isEqualTo(1);
    assertThat(repo.all(SrcPosts.query().select(SrcPosts.VISITS))).containsExactly(10);
  }

  /** Ports ecto integration_test/cases/repo.exs "fragment source mapped to schema". */
  @Test
  void fragmentSourceMappedToSchema(Repo repo) {
    SrcBareboneStruct one = repo.one(Query.from(FragmentSource.of(SrcBarebones.SCHEMA, "select 1 as num"))).orElseThrow();
    assertThat(one.num()).isEqualTo(1);
  }

  /** Ports ecto integration_test/cases/repo.exs "fragment source mapped to schema with take": struct(f, …) and map(f, …). */
  @Test
  void fragmentSourceMappedToSchemaWithTake(Repo repo) {
    FragmentSource<SrcPostStruct> visits = FragmentSource.of(SrcPosts.SCHEMA, "select 1 as visits");
    assertThat(repo.one(Query.from(visits).selectFields(SrcPosts.VISITS)).orElseThrow().visits()).isEqualTo(1);
    assertThat(repo.one(Query.from(visits).selectMap(SrcPosts.VISITS)).orElseThrow()).isEqualTo(Map.of("visits", 1));
  }

  /** Ports ecto integration_test/cases/joins.exs "joins with fragment source mapped to schema". */
  @Test
  void joinsWithFragmentSourceMappedToSchema(Repo repo) {
    Alias<SrcBareboneStruct> f1 = Alias.of(FragmentSource.of(SrcBarebones.SCHEMA, "select 1 as num"), "f1");
    Alias<Map<String, Object>> f2 = Alias.of(FragmentSource.withColumns(Map.of("visits", Types.INTEGER),
        "select 1 as visits"), "f2");
    Tuple2<SrcBareboneStruct, Map<String, Object>> row = repo.one(Query.from(f1)
        .join(f2, f1.field(SrcBarebones.NUM).eq(f2.column("visits", Types.INTEGER))).select(f1, f2)).orElseThrow();
    assertThat(row.first().num()).isEqualTo(1);
    assertThat(row.second()).isEqualTo(Map.of("visits", 1));
  }

  /**
   * A set-returning fragment with a parameter from each row, joined laterally; a table sampled by a
   * hint; a source in a prefix of its own, which wins over the query's.
   */
  @Test
  void lateralFragmentsHintsAndOwnPrefixesRun(Repo repo) {
    repo.insertOrThrow(new SrcPostStruct().withTitle("a").withVisits(2));
    Alias<Map<String, Object>> n = Alias.of(FragmentSource.withColumns(Map.of("n", Types.INTEGER),
        "select generate_series(1, ?) as n", SrcPosts.VISITS), "n");
    assertThat(repo.all(SrcPosts.query().join(JoinType.CROSS_LATERAL, n, null).select(n.column("n", Types.INTEGER))))
        .containsExactly(1, 2);
    assertThat(repo.all(SrcPosts.query().hints("TABLESAMPLE SYSTEM (100) REPEATABLE (1)").select(SrcPosts.TITLE)))
        .containsExactly("a");
    Alias<SrcPostStruct> own = Alias.of(SrcPosts.SCHEMA, "p").withPrefix("public");
    assertThat(repo.all(Query.from(own).select(own.field(SrcPosts.TITLE)).prefix("no_such_schema"))).containsExactly("a");
  }
}
