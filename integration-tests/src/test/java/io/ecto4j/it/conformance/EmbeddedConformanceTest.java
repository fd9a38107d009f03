package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.CtEmail;
import io.ecto4j.it.schemas.EmbedAuthors;
import io.ecto4j.it.schemas.EmbedDetailsSchema;
import io.ecto4j.it.schemas.EmbedDetailsStruct;
import io.ecto4j.it.schemas.EmbedOrderNote;
import io.ecto4j.it.schemas.EmbedOrderNotes;
import io.ecto4j.it.schemas.EmbedOrderStruct;
import io.ecto4j.it.schemas.EmbedOrders;
import io.ecto4j.it.schemas.EmbedPost;
import io.ecto4j.it.schemas.EmbedPostStruct;
import io.ecto4j.it.schemas.EmbedPosts;
import io.ecto4j.it.schemas.EmbedProfileStruct;
import io.ecto4j.it.schemas.EmbedProfiles;
import io.ecto4j.it.schemas.EmbedTypedStruct;
import io.ecto4j.it.schemas.Mood;
import io.ecto4j.it.schemas.NoPkPostStruct;
import io.ecto4j.it.schemas.NoPkProfiles;
import io.ecto4j.it.schemas.TicketStatus;
import io.ecto4j.meta.Embed;
import io.ecto4j.meta.Field;
import io.ecto4j.query.Functions;
import io.ecto4j.query.Query;
import io.ecto4j.query.Update;
import io.ecto4j.repo.Repo;
import io.ecto4j.schema.OnReplace;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ports of Ecto's {@code test/ecto/embedded_test.exs}, the embed tests of {@code type_test.exs} and
 * {@code schema_test.exs}, and the embeds tests of {@code integration_test/cases/type.exs}: embedded
 * schemas' metadata, their JSON form, and embeds written to and read from {@code jsonb} on PostgreSQL.
 */
@EctoTest(sandbox = true)
class EmbeddedConformanceTest {
  private static final UUID REF = UUID.fromString("bfe0888c-5c59-4bb3-adfd-71f0b85d3db7");

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    db.execute(EmbedAuthors.DDL);
    db.execute(EmbedOrders.DDL);
    db.execute(EmbedOrderNotes.DDL);
  }

  private static EmbedDetailsStruct item() {
    return EmbedDetailsStruct.builder().price(new BigDecimal("123.50")).day(LocalDate.parse("2014-01-16"))
        .ref(REF).mood(Mood.CALM).labels(List.of("a", "b")).at(Instant.parse("2020-01-01T10:00:00.123456Z"))
        .build();
  }

  private static EmbedOrderStruct inserted(Repo repo, EmbedDetailsStruct details) {
    return repo.insertOrThrow(Changeset.change(new EmbedOrderStruct()).putEmbed(EmbedOrders.DETAILS, details));
  }

  /** Ports embedded_test.exs "__schema__": each embed's field, cardinality, owner, on_replace and related schema. */
  @Test
  void embedMetadata() {
    assertThat(EmbedAuthors.SCHEMA.fields().stream().filter(f -> f instanceof Embed<?, ?, ?>).map(Field::name))
        .containsExactly("profile", "raiseProfile", "invalidProfile", "updateProfile", "nested", "posts",
            "raisePosts", "invalidPosts");
    Embed<?, ?, ?> profile = EmbedAuthors.PROFILE;
    assertThat(profile.cardinality()).isEqualTo(Embed.Cardinality.ONE);
    assertThat(profile.table()).isSameAs(EmbedAuthors.SCHEMA);
    assertThat(profile.onReplace()).isEqualTo(OnReplace.DELETE);
    assertThat(profile.related()).isSameAs(EmbedProfiles.SCHEMA);
    assertThat(EmbedAuthors.POSTS.cardinality()).isEqualTo(Embed.Cardinality.MANY);
    assertThat(EmbedAuthors.POSTS.related()).isSameAs(EmbedPosts.SCHEMA);
    assertThat(EmbedAuthors.POSTS.type().sqlType()).isEqualTo("jsonb");
  }

  /** Ports embedded_test.exs "embedded_load/3": from a JSON object, by stored name or Java name, missing keys default. */
  @Test
  void embeddedLoad() {
    EmbedDetailsSchema details = EmbedDetailsSchema.SCHEMA;
    assertThat(details.load(Map.of("ref", REF.toString())).ref()).isEqualTo(REF);
    Map<String, Object> nullRef = new LinkedHashMap<>();
    nullRef.put("ref", null);
    assertThat(details.load(nullRef).ref()).isNull();
    EmbedDetailsStruct nested = details.load(Map.of("ref", REF.toString(), "profile", Map.of("name", "Bob"),
        "posts", List.of(Map.of())));
    assertThat(nested.profile().name()).isEqualTo("Bob");
    assertThat(nested.posts()).containsExactly(new EmbedPostStruct());
    EmbedDetailsStruct defaults = details.load(Map.of());
    assertThat(defaults.count()).isEqualTo(1);
    assertThat(defaults.posts()).isEmpty();
    assertThatThrownBy(() -> details.load(Map.of("ref", "ABC")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot load `\"ABC\"` as type uuid for field `ref` in schema EmbedDetails");
  }

  /** Ports embedded_test.exs "embedded_dump/2": a plain JSON object, embeds as nested objects and arrays. */
  @Test
  void embeddedDump() {
    EmbedDetailsStruct details = item().withId(REF).withPosts(List.of(new EmbedPostStruct().withTitle("Bob"),
        new EmbedPostStruct().withTitle("Alice")));
    Map<String, Object> dumped = EmbedDetailsSchema.SCHEMA.dump(details);
    assertThat(dumped).containsEntry("ref", REF.toString()).containsEntry("price", "123.50")
        .containsEntry("day", "2014-01-16").containsEntry("mood", "CALM").containsEntry("labels", List.of("a", "b"))
        .containsEntry("at", "2020-01-01T10:00:00.123456Z").containsEntry("count", 1).containsEntry("profile", null);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> posts = (List<Map<String, Object>>) dumped.get("posts");
    assertThat(posts).extracting(post -> post.get("title")).containsExactly("Bob", "Alice");
    assertThat(posts.get(0).get("id")).isInstanceOf(String.class); // a new embed's key, generated when dumped
    assertThat(EmbedDetailsSchema.SCHEMA.load(dumped).withPosts(List.of())).isEqualTo(details.withPosts(List.of()));
  }

  /** Ports embedded_test.exs "embedded schemas are not queryable": no query(), and no SQL of its own. */
  @Test
  void notQueryable(Repo repo) {
    assertThatThrownBy(() -> repo.get(EmbedProfiles.SCHEMA, UUID.randomUUID()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("EmbedProfile is an embedded schema: it cannot be fetched by key");
    assertThatThrownBy(EmbedProfiles.SCHEMA::name).hasMessageContaining("is an embedded schema");
  }

  /** Ports type_test.exs "embeds one": load, dump and cast of an embeds_one's type. */
  @Test
  void typeOfEmbedsOne() {
    EmbedProfileStruct loaded = EmbedProfiles.SCHEMA.load(Map.of("id", REF.toString(), "name", "x"));
    assertThat(loaded).isEqualTo(new EmbedProfileStruct().withId(REF).withName("x"));
    assertThat(EmbedProfiles.SCHEMA.dump(loaded)).isEqualTo(Map.of("id", REF.toString(), "name", "x"));
    assertThatThrownBy(() -> EmbedDetailsSchema.SCHEMA.load(Map.of("profile", 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a JSON object");
    assertThat(EmbedAuthors.PROFILE.type().cast(Map.of("name", "x")).isOk()).isFalse();
    assertThat(EmbedAuthors.PROFILE.type().cast(new EmbedProfileStruct()).value()).isEqualTo(new EmbedProfileStruct());
    assertThat(EmbedAuthors.PROFILE.type().cast(null).value()).isNull();
  }

  /** Ports type_test.exs "embeds many": load, dump and cast of an embeds_many's type; null loads as []. */
  @Test
  void typeOfEmbedsMany() {
    assertThat(EmbedDetailsSchema.SCHEMA.load(Map.of("posts", List.of(Map.of("id", REF.toString(), "title", "t"))))
        .posts()).containsExactly(new EmbedPostStruct().withId(REF).withTitle("t"));
    Map<String, Object> nullPosts = new LinkedHashMap<>();
    nullPosts.put("posts", null);
    assertThat(EmbedDetailsSchema.SCHEMA.load(nullPosts).posts()).isEmpty();
    assertThatThrownBy(() -> EmbedDetailsSchema.SCHEMA.load(Map.of("posts", 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a JSON array");
    assertThat(EmbedAuthors.POSTS.type().cast(List.of(Map.of("title", "x"))).isOk()).isFalse();
    assertThat(EmbedAuthors.POSTS.type().cast(List.of(new EmbedPostStruct())).value())
        .isEqualTo(List.of(new EmbedPostStruct()));
    assertThat(EmbedAuthors.POSTS.type().cast(List.of()).value()).isEqualTo(List.of());
  }

  /** Ports schema_test.exs "embedded schema": no source, its fields, a UUID key generated by ecto4j. */
  @Test
  void embeddedSchemaMetadata() {
    assertThat(EmbedProfiles.SCHEMA.fields()).containsExactly(EmbedProfiles.ID, EmbedProfiles.NAME);
    assertThat(EmbedProfiles.SCHEMA.primaryKey()).contains(EmbedProfiles.ID);
    assertThat(EmbedProfiles.ID.type().javaType()).isEqualTo(UUID.class);
    assertThat(EmbedProfiles.SCHEMA.primaryKeyGeneratedByDatabase()).isFalse();
    assertThat(EmbedProfiles.SCHEMA.associations()).isEmpty();
    assertThat(EmbedProfiles.SCHEMA.timestamps()).isEmpty();
  }

  /** Ports schema_test.exs "embedded redacted_fields". */
  @Test
  void embeddedRedactedFields() {
    assertThat(EmbedDetailsSchema.SCHEMA.fields().stream().filter(Field::isRedacted).map(Field::name))
        .containsExactly("secret");
  }

  /** Ports schema_test.exs "embedded derives inspect": toString hides redacted fields. */
  @Test
  void embeddedToStringHidesRedacted() {
    assertThat(item().withSecret("hunter2").toString()).doesNotContain("hunter2").contains("**redacted**");
  }

  /** Ports schema_test.exs "custom embedded schema": {@code @PrimaryKey(type = NONE)} is Ecto's {@code @primary_key false}. */
  @Test
  void embeddedSchemaWithoutKey() {
    assertThat(NoPkProfiles.SCHEMA.fields()).containsExactly(NoPkProfiles.NAME);
    assertThat(NoPkProfiles.SCHEMA.primaryKey()).isEmpty();
    assertThat(NoPkProfiles.SCHEMA.dump(new io.ecto4j.it.schemas.NoPkProfileStruct().withName("x")))
        .isEqualTo(Map.of("name", "x"));
  }

  // ---------------------------------------------------------------- integration_test/cases/type.exs

  /** Ports type.exs "embeds one": written, read back by get and by select, and set by updateAll. */
  @Test
  void embedsOne(Repo repo) {
    EmbedDetailsStruct item = item();
    EmbedOrderStruct order = inserted(repo, item);
    EmbedDetailsStruct stored = repo.getOrThrow(EmbedOrders.SCHEMA, order.id()).details();
    assertThat(stored.ref()).isEqualTo(item.ref());
    assertThat(stored.price()).isEqualByComparingTo(item.price());
    assertThat(stored.day()).isEqualTo(item.day());
    assertThat(stored.at()).isEqualTo(item.at());
    assertThat(stored.mood()).isEqualTo(Mood.CALM);
    assertThat(stored.labels()).containsExactly("a", "b");
    assertThat(stored.id()).isNotNull();
    assertThat(order.details()).isEqualTo(stored); // the insert returns what it stored, key included

    List<EmbedDetailsStruct> selected = repo.all(EmbedOrders.query().select(EmbedOrders.DETAILS));
    assertThat(selected).containsExactly(stored);

    assertThat(repo.updateAll(EmbedOrders.query(), Update.set(EmbedOrders.DETAILS,
        stored.withPrice(new BigDecimal("456"))))).isEqualTo(1);
    assertThat(repo.getOrThrow(EmbedOrders.SCHEMA, order.id()).details().price()).isEqualByComparingTo("456");
  }

  /**
   * Ports type.exs "embeds one with custom type": a custom type inside an embed is written as its
   * dump (its embedAs), an enum as its stored value (Ecto.Enum's embed_as: :values), list elements
   * each so; all read back.
   */
  @Test
  void customTypesAndEnumsInsideAnEmbed(Repo repo) {
    EmbedTypedStruct typed = new EmbedTypedStruct().withContact(new CtEmail("Ada@Example.com"))
        .withStatus(TicketStatus.IN_PROGRESS).withHistory(List.of(TicketStatus.DRAFT, TicketStatus.DONE));
    EmbedOrderStruct order = repo.insertOrThrow(Changeset.change(new EmbedOrderStruct()).putEmbed(EmbedOrders.TYPED,
        typed));
    String json = repo.query("SELECT typed::text FROM embed_orders WHERE id = ?", List.of(order.id()),
        row -> row.getString(1)).get(0);
    assertThat(json).contains("\"contact\": \"Ada@Example.com\"", "\"status\": \"in_progress\"",
        "\"history\": [\"draft\", \"DONE\"]");
    assertThat(repo.getOrThrow(EmbedOrders.SCHEMA, order.id()).typed()).isEqualTo(typed);
  }

  /** Ports type.exs "json_extract_path with embeds": a JSON path into an embeds_many's column. */
  @Test
  void jsonPathIntoEmbeds(Repo repo) {
    repo.insertOrThrow(new EmbedOrderStruct().withLines(List.of(new EmbedPostStruct().withTitle("first"))));
    assertThat(repo.one(EmbedOrders.query().select(Functions.jsonText(EmbedOrders.LINES.json(), 0, "title"))))
        .contains("first");
    repo.insertOrThrow(new EmbedOrderStruct().withDetails(item()));
    assertThat(repo.all(EmbedOrders.query()
        .where(Functions.jsonText(EmbedOrders.DETAILS.json(), "day").eq("2014-01-16"))
        .select(Functions.jsonText(EmbedOrders.DETAILS.json(), "mood")))).containsExactly("CALM");
  }

  /** Ports type.exs "json_extract_path with custom field source": a map field stored in another column. */
  @Test
  void jsonPathWithCustomColumn(Repo repo) {
    EmbedOrderStruct order = repo.insertOrThrow(new EmbedOrderStruct().withMetadata(
        Map.of("tags", List.of(Map.of("name", "red"), Map.of("name", "green")))));
    assertThat(repo.one(EmbedOrders.query()
        .where(Functions.jsonText(EmbedOrders.METADATA, "tags", 0, "name").eq("red")).select(EmbedOrders.ID)))
        .contains(order.id());
  }

  /** Ports type.exs "empty embeds one". */
  @Test
  void emptyEmbedsOne(Repo repo) {
    EmbedOrderStruct order = repo.insertOrThrow(new EmbedOrderStruct());
    assertThat(order.details()).isNull();
    assertThat(repo.getOrThrow(EmbedOrders.SCHEMA, order.id()).details()).isNull();
  }

  /** Ports type.exs "embeds many": written, read back by get and by select, and set by updateAll. */
  @Test
  void embedsMany(Repo repo) {
    EmbedPostStruct line = new EmbedPostStruct().withTitle("line").withPosition(3);
    EmbedOrderStruct order = repo.insertOrThrow(Changeset.change(new EmbedOrderStruct())
        .putEmbed(EmbedOrders.LINES, List.of(line)));
    EmbedPost stored = repo.getOrThrow(EmbedOrders.SCHEMA, order.id()).lines().get(0);
    assertThat(stored.title()).isEqualTo("line");
    assertThat(stored.position()).isEqualTo(3);
    assertThat(stored.id()).isNotNull();
    assertThat(repo.all(EmbedOrders.query().select(EmbedOrders.LINES))).containsExactly(List.of(stored));
    EmbedPostStruct changed = ((EmbedPostStruct) stored).withPosition(456);
    assertThat(repo.updateAll(EmbedOrders.query(), Update.set(EmbedOrders.LINES, List.<EmbedPost>of(changed))))
        .isEqualTo(1);
    assertThat(repo.getOrThrow(EmbedOrders.SCHEMA, order.id()).lines().get(0).position()).isEqualTo(456);
  }

  /** Ports type.exs "empty embeds many": the column's default, {@code '[]'}. */
  @Test
  void emptyEmbedsMany(Repo repo, TestDatabase db) throws SQLException {
    EmbedOrderStruct order = repo.insertOrThrow(new EmbedOrderStruct());
    assertThat(order.lines()).isEmpty();
    assertThat(repo.getOrThrow(EmbedOrders.SCHEMA, order.id()).lines()).isEmpty();
    db.execute("INSERT INTO embed_orders (number) VALUES ('by SQL')");
    assertThat(repo.one(EmbedOrders.query().where(EmbedOrders.NUMBER.eq("by SQL"))).orElseThrow().lines()).isEmpty();
  }

  /** Ports type.exs "nested embeds": embeds of an embed, each with its key generated. */
  @Test
  void nestedEmbeds(Repo repo) {
    EmbedDetailsStruct item = new EmbedDetailsStruct().withProfile(new EmbedProfileStruct().withName("red"))
        .withPosts(List.of(new EmbedPostStruct().withTitle("blue")));
    EmbedOrderStruct order = inserted(repo, item);
    EmbedDetailsStruct stored = repo.getOrThrow(EmbedOrders.SCHEMA, order.id()).details();
    assertThat(stored.profile().name()).isEqualTo("red");
    assertThat(stored.posts()).extracting(EmbedPost::title).containsExactly("blue");
    assertThat(stored.id()).isNotNull();
    assertThat(stored.profile().id()).isNotNull();
    assertThat(repo.all(EmbedOrders.query().select(EmbedOrders.DETAILS))).containsExactly(stored);
  }

  /** An update through castEmbed writes the whole jsonb value; embeds without a key are stored as they are. */
  @Test
  void castEmbedWrites(Repo repo) {
    EmbedOrderStruct order = repo.insertOrThrow(Changeset.cast(new EmbedOrderStruct(),
            Map.of("number", "A-1", "lines", List.of(Map.of("title", "one"), Map.of("title", "two")),
                "no_pk_lines", List.of(Map.of("title", "plain"))), EmbedOrders.NUMBER)
        .castEmbed(EmbedOrders.LINES, EmbedPost::changeset)
        .castEmbed(EmbedOrders.NO_KEY_LINES, io.ecto4j.it.schemas.NoPkPost::changeset));
    assertThat(order.lines()).extracting(EmbedPost::title).containsExactly("one", "two");
    assertThat(order.noKeyLines()).containsExactly(new NoPkPostStruct().withTitle("plain"));
    UUID second = order.lines().get(1).id();

    EmbedOrderStruct updated = repo.updateOrThrow(Changeset.cast(order,
            Map.of("lines", List.of(Map.of("id", second.toString(), "title", "two!")))).castEmbed(EmbedOrders.LINES,
        EmbedPost::changeset));
    assertThat(updated.lines()).extracting(EmbedPost::title).containsExactly("two!");
    assertThat(updated.lines().get(0).id()).isEqualTo(second);
    assertThat(repo.getOrThrow(EmbedOrders.SCHEMA, order.id()).lines()).isEqualTo(updated.lines());

    assertThat(repo.update(Changeset.cast(updated, Map.of("lines", List.of(Map.of("title", "x"))))
        .castEmbed(EmbedOrders.LINES, EmbedPost::changeset)).isOk()).isFalse();
    assertThat(repo.getOrThrow(EmbedOrders.SCHEMA, order.id()).lines()).isEqualTo(updated.lines());
  }

  private static Changeset<EmbedOrderStruct> orderChangeset(EmbedOrderStruct order, Map<String, ?> params) {
    return Changeset.cast(order, params)
        .castEmbed(EmbedOrders.DETAILS, (details, p) -> Changeset.cast(details, p, EmbedDetailsSchema.PRICE))
        .castAssoc(EmbedOrders.NOTE, EmbedOrderNote::changeset);
  }

  /**
   * Ports repo.exs "insert and update with embeds during failing child foreign key": the child's
   * constraint error returns the changeset, its embed change still there, and nothing is written.
   */
  @Test
  void embedsSurviveAFailingChild(Repo repo) {
    Map<String, Object> params = Map.of("details", Map.of("price", 10), "note", Map.of("text", "x", "authorId", 0));
    io.ecto4j.Result<EmbedOrderStruct, Changeset<EmbedOrderStruct>> inserted =
        repo.insert(orderChangeset(new EmbedOrderStruct(), params));
    Changeset<EmbedOrderStruct> failed = inserted.error();
    assertThat(failed.getEmbed(EmbedOrders.DETAILS)).hasSize(1);
    assertThat(failed.traverseErrors()).isEqualTo(Map.of("note", Map.of("authorId", List.of("does not exist"))));
    assertThat(repo.all(EmbedOrders.query())).isEmpty();

    EmbedOrderStruct order = repo.preload(repo.insertOrThrow(orderChangeset(new EmbedOrderStruct(), Map.of())),
        EmbedOrders.NOTE);
    Changeset<EmbedOrderStruct> update = orderChangeset(order, params);
    assertThat(update.getEmbed(EmbedOrders.DETAILS)).hasSize(1);
    Changeset<EmbedOrderStruct> updateFailed = repo.update(update).error();
    assertThat(updateFailed.getEmbed(EmbedOrders.DETAILS)).hasSize(1);
    assertThat(repo.getOrThrow(EmbedOrders.SCHEMA, order.id()).details()).isNull();
  }

  /**
   * Ports changeset_test.exs "raise with embedded schema without base query": there is no table to
   * look in, and the error names the embedded schema.
   */
  @Test
  void unsafeValidateUniqueOnAnEmbed(Repo repo) {
    Changeset<EmbedProfileStruct> changeset = Changeset.change(new EmbedProfileStruct(),
        Map.of(EmbedProfiles.NAME, "facebook"));
    assertThatThrownBy(() -> changeset.unsafeValidateUnique(repo::exists, EmbedProfiles.NAME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unsafeValidateUnique does not work with embedded schemas unless a base query is "
            + "given (unsafeValidateUnique(Query.from(\"table\"), repo::exists, fields)), got EmbedProfile");
  }

  /**
   * Ports changeset_test.exs "unsafe_validate_unique/4 / allow embedded schema with base query": the
   * fields are compared with the base query's columns of the same names, on PostgreSQL.
   */
  @Test
  void unsafeValidateUniqueOnAnEmbedWithABaseQuery(Repo repo, TestDatabase db) throws SQLException {
    db.execute("CREATE TABLE embed_sources (id bigserial PRIMARY KEY, name text)");
    db.execute("INSERT INTO embed_sources (name) VALUES ('facebook')");
    Query<Void> sources = Query.from("embed_sources");
    List<Query<Void>> asked = new java.util.ArrayList<>();
    java.util.function.Predicate<Query<Void>> exists = query -> {
      asked.add(query);
      return repo.exists(query);
    };

    Changeset<EmbedProfileStruct> taken = Changeset.change(new EmbedProfileStruct(),
        Map.of(EmbedProfiles.NAME, "facebook")).unsafeValidateUnique(sources, exists, List.of(EmbedProfiles.NAME));
    assertThat(taken.traverseErrors()).isEqualTo(Map.of("name", List.of("has already been taken")));
    assertThat(repo.toSql(asked.get(0).select(Query.column("name", io.ecto4j.type.Types.STRING))).text())
        .endsWith("WHERE e0.\"name\" = ?");

    Changeset<EmbedProfileStruct> free = Changeset.change(new EmbedProfileStruct(),
        Map.of(EmbedProfiles.NAME, "mastodon")).unsafeValidateUnique(sources, exists, List.of(EmbedProfiles.NAME));
    assertThat(free.isValid()).isTrue();
    assertThat(free.validations()).extracting(v -> v.field() + ":" + v.kind()).contains("name:unsafe_unique");
  }

  /** Casting an embed as a plain field is refused, as Ecto's cast/4 refuses embeds. */
  @Test
  void castOfAnEmbedFieldIsRefused() {
    assertThatThrownBy(() -> Changeset.cast(new EmbedOrderStruct(), Map.of("lines", List.of()), EmbedOrders.LINES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("casting embeds with cast for EmbedOrders.LINES is not supported, use castEmbed instead");
  }
}
