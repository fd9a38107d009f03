package io.ecto4j.it.conformance;

import static io.ecto4j.query.Functions.cast;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.Form;
import io.ecto4j.changeset.FormData;
import io.ecto4j.changeset.Schemaless;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Struct;
import io.ecto4j.meta.Table;
import io.ecto4j.multi.Key;
import io.ecto4j.multi.Multi;
import io.ecto4j.query.Expression;
import io.ecto4j.query.Functions;
import io.ecto4j.query.Query;
import io.ecto4j.query.Update;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ports of Ecto's {@code integration_test/cases/type.exs} schemaless queries (a table by name, typed
 * by {@code Query.column} and {@code Functions.cast}), and what a repo does with a schemaless
 * changeset: it refuses it before any statement, as there is no table. Issue #17.
 */
@EctoTest(sandbox = true)
class SchemalessTypesConformanceTest {

  private static final String POSTS = "schemaless_posts";
  private static final Expression<LocalDateTime> INSERTED_AT = Query.column("inserted_at", Types.LOCAL_DATE_TIME);

  static final Form POST = Form.named("Post");
  static final Field<FormData, String> TITLE = POST.field("title", Types.STRING);

  /** A record described at run time: Ecto's struct without schema. */
  record Draft(String title) implements Struct<Draft> {
    static final Schemaless<Draft> SHAPE = Schemaless.of("Draft", () -> new Draft(null));
    static final Field<Draft, String> TITLE = SHAPE.field("title", Types.STRING, Draft::title, (d, v) -> new Draft(v));

    @Override
    public Table<Draft> schema() {
      return SHAPE;
    }
  }

  @BeforeAll
  static void createTable(TestDatabase db) throws SQLException {
    // Ecto's posts as far as these tests read it: visits, and inserted_at as a naive datetime.
    db.execute("CREATE TABLE " + POSTS + " (id bigserial PRIMARY KEY, title varchar(255), visits integer, "
        + "inserted_at timestamp(0))");
  }

  /** Ports type.exs "schemaless types": a column of a table without schema read through a typed cast. */
  @Test
  void schemalessTypes(Repo repo) {
    assertThat(repo.insertAll(POSTS, List.of(Map.of("visits", 123)))).isEqualTo(1);

    Query<Integer> visits = Query.from(POSTS).select(cast(Query.column("visits", Types.LONG), Types.INTEGER));

    assertThat(repo.toSql(visits).text()).contains("::integer");
    assertThat(repo.all(visits)).containsExactly(123);
  }

  /** Ports type.exs "schemaless calendar types": insert, update and compare a naive datetime by table name. */
  @Test
  void schemalessCalendarTypes(Repo repo) {
    LocalDateTime datetime = LocalDateTime.of(2014, 1, 16, 20, 26, 51);
    Query<LocalDateTime> insertedAt = Query.from(POSTS).select(INSERTED_AT);

    assertThat(repo.insertAll(POSTS, List.of(Map.of("inserted_at", datetime)))).isEqualTo(1);
    assertThat(repo.updateAll(Query.from(POSTS), Update.set(INSERTED_AT, datetime))).isEqualTo(1);
    assertThat(repo.all(insertedAt.where(INSERTED_AT.ge(datetime)))).containsExactly(datetime);
    // p.inserted_at in [^datetime]: a list of expressions
    assertThat(repo.all(insertedAt.where(Functions.in(INSERTED_AT, Functions.value(datetime, Types.LOCAL_DATE_TIME)))))
        .containsExactly(datetime);
    // p.inserted_at in ^[datetime]: one list parameter
    assertThat(repo.all(insertedAt.where(INSERTED_AT.in(List.of(datetime))))).containsExactly(datetime);
  }

  /**
   * A repo cannot insert, update or delete a schemaless changeset (Ecto fails inside the repo on data
   * that is no schema struct): refused before any statement, saying what to use instead.
   */
  @Test
  void aRepoRefusesSchemalessChangesets(Repo repo) {
    Changeset<FormData> form = Changeset.cast(POST.empty(), Map.of("title", "hello"), TITLE);

    assertThatThrownBy(() -> repo.insert(form))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot insert a schemaless changeset of Post (schemaless): it has no table. "
            + "Use changeset.applyAction(Changeset.Action.INSERT) to get its data, and a @Schema for data that is stored");
    assertThatThrownBy(() -> repo.update(form)).hasMessageStartingWith("cannot update a schemaless changeset of Post");
    assertThatThrownBy(() -> repo.delete(new Draft("x"))).hasMessageStartingWith("cannot delete a schemaless changeset of Draft");
    assertThatThrownBy(() -> repo.insertOrUpdate(Changeset.change(new Draft("x"))))
        .hasMessageStartingWith("cannot insert a schemaless changeset of Draft");
    assertThatThrownBy(() -> repo.transaction(Multi.create().insert(Key.<FormData>named("post"), form)))
        .hasMessageStartingWith("cannot insert a schemaless changeset of Post");
    assertThatThrownBy(() -> repo.insertAll(POST, List.of(POST.empty())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Post is a schemaless data shape: it has no table");
    assertThatThrownBy(() -> repo.all(Query.from(Draft.SHAPE))).hasMessageStartingWith("Draft is a schemaless data shape");

    assertThat(repo.all(Query.from(POSTS).select(Query.column("id", Types.LONG)))).isEmpty();
  }
}
