package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.Comment;
import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.Comments;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.meta.Meta;
import io.ecto4j.query.Alias;
import io.ecto4j.query.Query;
import io.ecto4j.query.Update;
import io.ecto4j.repo.MultiplePrimaryKeyException;
import io.ecto4j.repo.NoResultsException;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.WriteOptions;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A schema's structs in another table of its columns, Ecto's custom source: read with
 * {@code Query.from("other_posts", Posts.SCHEMA)} (Ecto's {@code {"other_posts", Post}}), and
 * written, deleted and reloaded where their {@code meta().source()} says (Ecto's
 * {@code put_meta(struct, source: …)}), on PostgreSQL, with and without a prefix.
 */
@EctoTest(sandbox = true)
class CustomSourceConformanceTest {
  private static final String OTHER = "other_posts";
  private static final String TENANT = "cs_tenant";

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
    db.execute("CREATE TABLE other_posts (LIKE posts INCLUDING ALL)");
    db.execute("CREATE TABLE cs_keyless_posts (LIKE posts INCLUDING DEFAULTS)"); // no primary key
    db.execute("CREATE SCHEMA cs_tenant");
    db.execute("CREATE TABLE cs_tenant.other_posts (LIKE posts INCLUDING ALL)");
    // The comments of a post in other_posts: its key is no key of posts, which the foreign key would refuse.
    db.execute("ALTER TABLE comments DROP CONSTRAINT comments_post_id_fkey");
  }

  private static PostStruct post(String title) {
    return new PostStruct().withTitle(title).withBody("a body of text");
  }

  /** {@code struct} meant for other_posts, Ecto's {@code Ecto.put_meta(struct, source: "other_posts")}. */
  private static PostStruct inOther(PostStruct struct) {
    return struct.withMeta(struct.meta().withSource(OTHER));
  }

  private static List<String> titlesIn(Repo repo, String table) {
    return repo.query("SELECT title FROM " + table + " ORDER BY id", List.of(), row -> row.getString(1));
  }

  /** Ports integration_test/cases/repo.exs "get(!) with custom source". */
  @Test
  void getWithCustomSource(Repo repo) {
    PostStruct custom = repo.insertOrThrow(inOther(post("elsewhere")));
    assertThat(custom.meta()).isEqualTo(Meta.loaded(OTHER, null));

    PostStruct found = repo.get(Query.from(OTHER, Posts.SCHEMA), custom.id()).orElseThrow();
    assertThat(found).isEqualTo(custom);
    assertThat(found.meta()).isEqualTo(Meta.loaded(OTHER, null));
    assertThat(repo.getOrThrow(Query.from(OTHER, Posts.SCHEMA), String.valueOf(custom.id())).meta().source())
        .isEqualTo(OTHER);
    assertThat(repo.get(Posts.SCHEMA, custom.id())).isEmpty(); // not in the schema's own table
    assertThatThrownBy(() -> repo.getOrThrow(Query.from(OTHER, Posts.SCHEMA), custom.id() + 1000))
        .isInstanceOf(NoResultsException.class).hasMessageContaining("{\"other_posts\", Post}");
  }

  /** Every read of the query marks its structs with the source: all, one, getBy, selectFields, stream. */
  @Test
  void everyReadOfTheQueryRecordsTheSource(Repo repo) {
    repo.insertOrThrow(inOther(post("first")));
    repo.insertOrThrow(inOther(post("second")));
    repo.insertOrThrow(post("own"));
    Query<PostStruct> other = Query.from(OTHER, Posts.SCHEMA);

    assertThat(repo.all(other.orderBy(Posts.ID.asc()))).extracting(PostStruct::title).containsExactly("first", "second");
    assertThat(repo.all(other)).allMatch(p -> p.meta().equals(Meta.loaded(OTHER, null)));
    assertThat(repo.getBy(other, Posts.TITLE.eq("second")).orElseThrow().meta().source()).isEqualTo(OTHER);
    assertThat(repo.getByOrThrow(other, Posts.TITLE.eq("first"), Posts.PUBLISHED.eq(false)).title()).isEqualTo("first");
    assertThat(repo.one(other.where(Posts.TITLE.eq("first"))).orElseThrow().meta().source()).isEqualTo(OTHER);
    assertThat(repo.all(other.selectFields(Posts.ID, Posts.TITLE))).allMatch(p -> p.meta().source().equals(OTHER));
    Set<String> streamed = repo.stream(other, rows -> rows.map(p -> p.meta().source()).collect(Collectors.toSet()));
    assertThat(streamed).containsExactly(OTHER);
    assertThat(repo.all(other.select(Posts.TITLE))).containsExactlyInAnyOrder("first", "second");
    assertThat(repo.all(Query.from(other.where(Posts.TITLE.eq("first"))))) // through a subquery, its table
        .singleElement().satisfies(p -> assertThat(p.meta().source()).isEqualTo(OTHER));
    assertThat(repo.all(Posts.query())).singleElement().satisfies(p -> assertThat(p.meta().source()).isEqualTo("posts"));
  }

  /**
   * Ports test/ecto/repo_test.exs "reload / respects source": a struct whose meta names another
   * table is reloaded from it, alone or in a list.
   */
  @Test
  void reloadRespectsSource(Repo repo) {
    PostStruct first = repo.insertOrThrow(inOther(post("first")));
    PostStruct second = repo.insertOrThrow(inOther(post("second")));
    repo.updateAll(Query.from(OTHER, Posts.SCHEMA), Update.set(Posts.VIEW_COUNT, 7));

    PostStruct reloaded = repo.reload(first).orElseThrow();
    assertThat(reloaded.viewCount()).isEqualTo(7);
    assertThat(reloaded.meta()).isEqualTo(Meta.loaded(OTHER, null));
    assertThat(repo.reloadOrThrow(second).viewCount()).isEqualTo(7);
    assertThat(repo.reload(List.of(second, first))).extracting(PostStruct::viewCount).containsExactly(7, 7);
    assertThat(repo.reload(List.of(second, first))).allMatch(p -> p.meta().source().equals(OTHER));

    PostStruct asOwn = first.withMeta(first.meta().withSource("posts"));
    assertThat(repo.reload(asOwn)).isEmpty(); // the same key in the schema's own table: no row there
    assertThat(repo.reload(List.of(asOwn))).containsExactly((PostStruct) null);
  }

  /**
   * Ports test/ecto/repo_test.exs "schema operations / works with custom source schema": update
   * (forced), delete and insert of a struct whose meta names another table write to that table.
   */
  @Test
  void worksWithCustomSourceSchema(Repo repo) {
    PostStruct inserted = repo.insertOrThrow(inOther(post("abc")));
    PostStruct updated = repo.updateOrThrow(Changeset.change(inserted).putChange(Posts.TITLE, "abd"));
    assertThat(updated.meta()).isEqualTo(Meta.loaded(OTHER, null));
    repo.updateOrThrow(Changeset.change(updated), WriteOptions.defaults().force());
    assertThat(titlesIn(repo, OTHER)).containsExactly("abd");

    PostStruct deleted = repo.deleteOrThrow(updated);
    assertThat(deleted.meta()).isEqualTo(new Meta(Meta.State.DELETED, OTHER, null));
    assertThat(titlesIn(repo, OTHER)).isEmpty();

    repo.insertOrThrow(Changeset.cast(inOther(new PostStruct()), Map.of("title", "abc", "body", "from params"),
        Posts.TITLE, Posts.BODY));
    assertThat(titlesIn(repo, OTHER)).containsExactly("abc");
    assertThat(titlesIn(repo, "posts")).isEmpty();
  }

  /** A struct read from the other table is written back there; insertOrUpdate decides by its state, as always. */
  @Test
  void structsReadFromTheOtherTableAreWrittenBackThere(Repo repo) {
    repo.insertOrThrow(inOther(post("read")));
    PostStruct read = repo.oneOrThrow(Query.from(OTHER, Posts.SCHEMA));
    repo.insertOrUpdate(Changeset.change(read).putChange(Posts.TITLE, "written")).orElseThrow();
    assertThat(titlesIn(repo, OTHER)).containsExactly("written");
    assertThat(titlesIn(repo, "posts")).isEmpty();
  }

  /** An insert with a conflict handling or returning options goes to the source too. */
  @Test
  void anInsertWithOptionsGoesToTheSource(Repo repo) {
    PostStruct returned = repo.insertOrThrow(inOther(post("returning")), WriteOptions.defaults().returningAll());
    assertThat(returned.meta().source()).isEqualTo(OTHER);
    assertThat(returned.viewCount()).isZero();
    assertThat(titlesIn(repo, OTHER)).containsExactly("returning");
    assertThat(titlesIn(repo, "posts")).isEmpty();
  }

  /** A prefix and a custom source together: Ecto's {@code {"other_posts", Post}} with {@code prefix:}. */
  @Test
  void aPrefixAndACustomSourceTogether(Repo repo) {
    PostStruct tenant = post("tenant");
    PostStruct inserted = repo.insertOrThrow(tenant.withMeta(tenant.meta().withSource(OTHER).withPrefix(TENANT)));
    assertThat(inserted.meta()).isEqualTo(Meta.loaded(OTHER, TENANT));
    assertThat(titlesIn(repo, TENANT + "." + OTHER)).containsExactly("tenant");
    assertThat(titlesIn(repo, OTHER)).isEmpty();

    PostStruct read = repo.get(Query.from(OTHER, Posts.SCHEMA).prefix(TENANT), inserted.id()).orElseThrow();
    assertThat(read.meta()).isEqualTo(Meta.loaded(OTHER, TENANT));
    assertThat(repo.withPrefix(TENANT).all(Query.from(OTHER, Posts.SCHEMA)))
        .singleElement().satisfies(p -> assertThat(p.meta()).isEqualTo(Meta.loaded(OTHER, TENANT)));

    repo.updateOrThrow(Changeset.change(read).putChange(Posts.TITLE, "renamed"));
    assertThat(titlesIn(repo, TENANT + "." + OTHER)).containsExactly("renamed");
    assertThat(repo.reloadOrThrow(read).title()).isEqualTo("renamed");
    repo.deleteOrThrow(read);
    assertThat(titlesIn(repo, TENANT + "." + OTHER)).isEmpty();
  }

  /** Associations of a struct from the other table load from, and are written to, their own tables. */
  @Test
  void associationsOfACustomSourceStructUseTheirOwnTables(Repo repo) {
    UserStruct author = repo.insertOrThrow(new UserStruct().withName("ada").withEmail("ada@example.com"));
    PostStruct parent = repo.insertOrThrow(Changeset.change(inOther(post("parent").withAuthorId(author.id())))
        .putAssoc(Posts.COMMENTS, List.of(new CommentStruct().withBody("first!"))));
    assertThat(parent.meta().source()).isEqualTo(OTHER);
    assertThat(parent.comments()).singleElement()
        .satisfies(comment -> assertThat(((CommentStruct) comment).meta().source()).isEqualTo("comments"));

    PostStruct read = repo.getOrThrow(Query.from(OTHER, Posts.SCHEMA), parent.id());
    PostStruct preloaded = repo.preload(read, Posts.COMMENTS, Posts.AUTHOR);
    assertThat(preloaded.comments()).extracting(Comment::body).containsExactly("first!");
    assertThat(preloaded.author().name()).isEqualTo("ada");
    assertThat(preloaded.meta().source()).isEqualTo(OTHER);

    PostStruct inQuery = repo.oneOrThrow(Query.from(OTHER, Posts.SCHEMA).preload(Posts.COMMENTS));
    assertThat(inQuery.comments()).extracting(Comment::body).containsExactly("first!");
    assertThat(inQuery.meta().source()).isEqualTo(OTHER);
    Alias<CommentStruct> c = Alias.of(Comments.SCHEMA, "c");
    PostStruct joined = repo.oneOrThrow(Query.from(OTHER, Posts.SCHEMA).join(Posts.COMMENTS, c).preload(Posts.COMMENTS, c));
    assertThat(joined.comments()).extracting(Comment::body).containsExactly("first!");
    assertThat(joined.meta().source()).isEqualTo(OTHER);
    assertThat(repo.all(Comments.query())).singleElement()
        .satisfies(comment -> assertThat(comment.postId()).isEqualTo(parent.id()));
  }

  /** A key found twice in the struct's table makes PostgreSQL refuse the update there; the exception names that table. */
  @Test
  void aKeyFoundTwiceInTheSourceIsReportedForIt(Repo repo) {
    PostStruct twice = post("twice").withId(1L);
    PostStruct keyless = twice.withMeta(twice.meta().withSource("cs_keyless_posts"));
    repo.insertOrThrow(keyless);
    PostStruct inserted = repo.insertOrThrow(keyless);
    assertThatThrownBy(() -> repo.updateOrThrow(Changeset.change(inserted).putChange(Posts.TITLE, "once")))
        .isInstanceOfSatisfying(MultiplePrimaryKeyException.class,
            e -> assertThat(e.table()).isEqualTo("cs_keyless_posts"))
        .hasMessageContaining("expected update on cs_keyless_posts");
  }

  /** A blank or null source is refused where it is given, naming what was given. */
  @Test
  void aBlankSourceIsRefused() {
    PostStruct built = post("x");
    assertThatThrownBy(() -> built.meta().withSource(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a struct's source is the table").hasMessageContaining("got \" \"");
    assertThatThrownBy(() -> built.meta().withSource(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got null");
    assertThatThrownBy(() -> Query.from("", Posts.SCHEMA)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a source of Post needs a table name");
  }
}
