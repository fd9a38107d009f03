package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.changeset.Constraint;
import io.ecto4j.changeset.Fetched;
import io.ecto4j.changeset.Form;
import io.ecto4j.changeset.FormData;
import io.ecto4j.changeset.Length;
import io.ecto4j.changeset.Numbers;
import io.ecto4j.changeset.Schemaless;
import io.ecto4j.it.schemas.EmbedPost;
import io.ecto4j.it.schemas.EmbedPostStruct;
import io.ecto4j.it.schemas.EmbedPosts;
import io.ecto4j.it.schemas.EmbedProfile;
import io.ecto4j.it.schemas.EmbedProfileStruct;
import io.ecto4j.it.schemas.EmbedProfiles;
import io.ecto4j.meta.Embed;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Struct;
import io.ecto4j.meta.Table;
import io.ecto4j.query.Query;
import io.ecto4j.repo.InvalidChangesetException;
import io.ecto4j.schema.OnReplace;
import io.ecto4j.type.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Ports of Ecto's schemaless changesets ({@code test/ecto/changeset_test.exs}, {@code {data, types}}
 * and a plain struct with types), issue #17: a {@link Form} over a map, and a record of its own
 * described by {@link Schemaless#of}. Every validation is run on form fields to show that a
 * schemaless changeset is an ordinary one. No database: a schemaless changeset never reaches one.
 */
class SchemalessChangesetConformanceTest {

  /** Ecto's {@code {%{title: "hello"}, %{title: :string, upvotes: :integer}}}. */
  static final Form POST = Form.named("Post");
  static final Field<FormData, String> TITLE = POST.field("title", Types.STRING);
  static final Field<FormData, Integer> UPVOTES = POST.field("upvotes", Types.INTEGER);

  /** A sign-up form, to run every validation on form fields. */
  static final Form SIGNUP = Form.named("Signup");
  static final Field<FormData, String> EMAIL = SIGNUP.field("email", Types.STRING);
  static final Field<FormData, String> PASSWORD = SIGNUP.redactedField("password", Types.STRING);
  static final Field<FormData, Integer> AGE = SIGNUP.field("age", Types.INTEGER);
  static final Field<FormData, String> PLAN = SIGNUP.field("plan", Types.STRING);
  static final Field<FormData, List<String>> TOPICS = SIGNUP.field("topics", Types.list(Types.STRING));
  static final Field<FormData, String> NICK = SIGNUP.field("nick", Types.STRING);

  /** Ecto's types with {@code source: {:embed, %Ecto.Embedded{related: SocialSource}}}: embeds in a form. */
  static final Form SHARE = Form.named("Share");
  static final Field<FormData, String> SHARE_TITLE = SHARE.field("title", Types.STRING);
  static final Embed<FormData, EmbedProfileStruct, EmbedProfileStruct> SOURCE =
      SHARE.embedOne("source", EmbedProfiles.SCHEMA, OnReplace.RAISE);
  static final Embed<FormData, List<EmbedPostStruct>, EmbedPostStruct> POSTS =
      SHARE.embedMany("posts", EmbedPosts.SCHEMA, OnReplace.DELETE);

  /** Ecto's {@code NoSchemaPost}, a struct without schema: here a record described at run time. */
  record NoSchemaPost(String title, Integer upvotes) implements Struct<NoSchemaPost> {
    static final Schemaless<NoSchemaPost> SHAPE = Schemaless.of("NoSchemaPost", () -> new NoSchemaPost(null, null));
    static final Field<NoSchemaPost, String> TITLE =
        SHAPE.field("title", Types.STRING, NoSchemaPost::title, (p, v) -> new NoSchemaPost(v, p.upvotes()));
    static final Field<NoSchemaPost, Integer> UPVOTES =
        SHAPE.field("upvotes", Types.INTEGER, NoSchemaPost::upvotes, (p, v) -> new NoSchemaPost(p.title(), v));

    @Override
    public Table<NoSchemaPost> schema() {
      return SHAPE;
    }
  }

  private static Map<String, Object> params(Object... keysAndValues) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      params.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return params;
  }

  /**
   * Ports changeset_test.exs "cast/4: with dynamic embed": a schemaless shape declares an embed of an
   * embedded schema, and {@code castEmbed} casts the nested params onto it as onto a schema's embed.
   */
  @Test
  void castsAnEmbedDeclaredOnASchemalessShape() {
    Map<String, Object> params = params("title", "world", "source", params("name", "facebook"),
        "posts", List.of(params("title", "first"), params("title", "x")));
    Changeset<FormData> cs = Changeset.cast(SHARE.data(Map.of("title", "hello")), params, SHARE_TITLE)
        .castEmbed(SOURCE, EmbedProfile::changeset, io.ecto4j.changeset.AssocOption.required());

    assertThat(cs.params()).contains(params);
    assertThat(cs.data().toMap()).isEqualTo(Map.of("title", "hello"));
    assertThat(cs.errors()).isEmpty();
    assertThat(cs.isValid()).isTrue();
    assertThat(cs.getChange(SHARE_TITLE)).contains("world");
    FormData applied = cs.applyChanges();
    assertThat(applied.get(SHARE_TITLE)).isEqualTo("world");
    assertThat(applied.get(SOURCE).name()).isEqualTo("facebook");

    Changeset<FormData> many = cs.castEmbed(POSTS, EmbedPost::changeset);
    assertThat(many.isValid()).isFalse();
    assertThat(many.traverseErrors()).isEqualTo(Map.of("posts",
        List.of(Map.of(), Map.of("title", List.of("should be at least 3 character(s)")))));

    Changeset<FormData> missing = Changeset.cast(SHARE.empty(), params("title", "t"), SHARE_TITLE)
        .castEmbed(SOURCE, EmbedProfile::changeset, io.ecto4j.changeset.AssocOption.required());
    assertThat(missing.traverseErrors()).isEqualTo(Map.of("source", List.of("can't be blank")));
  }

  /** Ports changeset_test.exs "cast/4: with data and types". */
  @Test
  void castsParamsOntoMapDataWithTypes() {
    FormData data = POST.data(Map.of("title", "hello"));
    Map<String, Object> params = params("title", "world", "upvotes", "0");

    Changeset<FormData> cs = Changeset.cast(data, params, TITLE, UPVOTES);

    assertThat(cs.params()).contains(params);
    assertThat(cs.data()).isEqualTo(POST.data(Map.of("title", "hello")));
    assertThat(cs.data().toMap()).isEqualTo(Map.of("title", "hello"));
    assertThat(cs.changes()).isEqualTo(Map.of(TITLE, "world", UPVOTES, 0));
    assertThat(cs.errors()).isEmpty();
    assertThat(cs.isValid()).isTrue();
    assertThat(cs.applyChanges().toMap()).isEqualTo(Map.of("title", "world", "upvotes", 0));
  }

  /** Ports changeset_test.exs "cast/4: with data struct and types": a record of the caller's own. */
  @Test
  void castsParamsOntoARecordWithTypes() {
    NoSchemaPost data = new NoSchemaPost("hello", null);
    Map<String, Object> params = params("title", "world", "upvotes", "0");

    Changeset<NoSchemaPost> cs = Changeset.cast(data, params, NoSchemaPost.TITLE, NoSchemaPost.UPVOTES);

    assertThat(cs.params()).contains(params);
    assertThat(cs.data()).isEqualTo(new NoSchemaPost("hello", null));
    assertThat(cs.changes()).isEqualTo(Map.of(NoSchemaPost.TITLE, "world", NoSchemaPost.UPVOTES, 0));
    assertThat(cs.errors()).isEmpty();
    assertThat(cs.isValid()).isTrue();
    assertThat(cs.applyChanges()).isEqualTo(new NoSchemaPost("world", 0));
  }

  /** Ports changeset_test.exs "change/2 with data and types". */
  @Test
  void changeOfMapDataWithTypes() {
    FormData data = POST.data(Map.of("title", "hello"));

    Changeset<FormData> unchanged = Changeset.change(data);
    assertThat(unchanged.isValid()).isTrue();
    assertThat(unchanged.data().toMap()).isEqualTo(Map.of("title", "hello"));
    assertThat(unchanged.changes()).isEmpty();

    Changeset<FormData> changed = Changeset.change(data, Map.of(TITLE, "world"));
    assertThat(changed.isValid()).isTrue();
    assertThat(changed.data().toMap()).isEqualTo(Map.of("title", "hello"));
    assertThat(changed.changes()).isEqualTo(Map.of(TITLE, "world"));
    assertThat(changed.applyChanges().toMap()).isEqualTo(Map.of("title", "world"));

    Changeset<FormData> same = Changeset.change(data, Map.of(TITLE, "hello"));
    assertThat(same.isValid()).isTrue();
    assertThat(same.changes()).isEmpty();
    assertThat(same.applyChanges().toMap()).isEqualTo(Map.of("title", "hello"));
  }

  /** Ports changeset_test.exs "unsafe_validate_unique/4 raise with schemaless changeset" (a record and a map). */
  @Test
  void unsafeValidateUniqueRefusesSchemalessChangesets() {
    Changeset<NoSchemaPost> record = Changeset.cast(NoSchemaPost.SHAPE.newStruct(), params("title", "hi"),
        NoSchemaPost.TITLE, NoSchemaPost.UPVOTES);
    assertThatThrownBy(() -> record.unsafeValidateUnique(query -> true, NoSchemaPost.TITLE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsafeValidateUnique does not work with schemaless changesets");

    Changeset<FormData> map = Changeset.cast(POST.empty(), params("title", "hi"), TITLE, UPVOTES);
    assertThatThrownBy(() -> map.unsafeValidateUnique(query -> true, TITLE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsafeValidateUnique does not work with schemaless changesets, got Post{}");
  }

  /** Ecto's schemaless changesets run every validation, with the same messages and metadata. */
  @Test
  void everyValidationRunsOnFormFields() {
    Map<String, Object> params = params("email", "ada-at-example", "password", "short", "passwordConfirmation", "other",
        "age", "12", "plan", "platinum", "topics", List.of("java", "cobol"), "nick", "admin", "terms", "false");

    Changeset<FormData> cs = Changeset.cast(SIGNUP.empty(), params, EMAIL, PASSWORD, AGE, PLAN, TOPICS, NICK)
        .validateRequired(EMAIL, PASSWORD)
        .validateFormat(EMAIL, Pattern.compile("@"))
        .validateLength(PASSWORD, Length.min(8))
        .validateNumber(AGE, Numbers.greaterThanOrEqualTo(18))
        .validateInclusion(PLAN, Set.of("free", "pro"))
        .validateSubset(TOPICS, List.of("java", "elixir"))
        .validateExclusion(NICK, Set.of("admin", "root"))
        .validateConfirmation(PASSWORD, true)
        .validateAcceptance("terms")
        .validateChange(EMAIL, email -> email.endsWith(".invalid") ? "is a test address" : null);

    assertThat(cs.isValid()).isFalse();
    assertThat(cs.traverseErrors()).isEqualTo(Map.of(
        "email", List.of("has invalid format"),
        "password", List.of("should be at least 8 character(s)"),
        "passwordConfirmation", List.of("does not match confirmation"),
        "age", List.of("must be greater than or equal to 18"),
        "plan", List.of("is invalid"),
        "topics", List.of("has an invalid entry"),
        "nick", List.of("is reserved"),
        "terms", List.of("must be accepted")));
    assertThat(cs.errorsOn(AGE)).containsExactly(new ChangesetError("age", "must be greater than or equal to %{number}",
        Map.of("validation", "number", "kind", "greater_than_or_equal_to", "number", 18)));
    assertThat(cs.validations()).extracting(v -> v.field() + ":" + v.kind()).contains("email:format",
        "password:length", "age:number", "plan:inclusion", "topics:subset", "nick:exclusion", "terms:acceptance");
    assertThat(cs.required()).containsExactly(EMAIL, PASSWORD);
  }

  /** Required, cast errors and a valid form: what a form handler reads from the changeset. */
  @Test
  void requiredAndCastErrorsAndAValidForm() {
    Changeset<FormData> missing = Changeset.cast(SIGNUP.empty(), params("email", " ", "age", "twelve"), EMAIL, AGE)
        .validateRequired(EMAIL, AGE);
    assertThat(missing.traverseErrors()).isEqualTo(Map.of("email", List.of("can't be blank"), "age", List.of("is invalid")));
    assertThat(missing.errorsOn(AGE).get(0).keys()).isEqualTo(Map.of("type", "integer", "validation", "cast"));
    assertThat(missing.fieldMissing(EMAIL)).isTrue();

    Changeset<FormData> valid = Changeset.cast(SIGNUP.empty(),
        params("email", "ada@example.com", "age", "36", "topics", List.of("java", "")), EMAIL, AGE, TOPICS)
        .validateRequired(EMAIL, AGE)
        .validateLength(TOPICS, Length.max(2));
    FormData signup = valid.applyActionOrThrow(Changeset.Action.INSERT);
    assertThat(signup.get(EMAIL)).isEqualTo("ada@example.com");
    assertThat(signup.get(AGE)).isEqualTo(36);
    assertThat(signup.get(TOPICS)).containsExactly("java");
    assertThat(signup.get(PLAN)).isNull();
    assertThat(signup.has("plan")).isFalse();
    assertThat(signup.toMap()).isEqualTo(Map.of("email", "ada@example.com", "age", 36, "topics", List.of("java")));
  }

  /** apply_action/2 and apply_action!/2 on schemaless data: the data, or the changeset marked with the action. */
  @Test
  void applyActionGivesTheDataOrTheMarkedChangeset() {
    Changeset<FormData> invalid = Changeset.cast(POST.empty(), params("upvotes", "x"), TITLE, UPVOTES);
    Result<FormData, Changeset<FormData>> result = invalid.applyAction(Changeset.Action.UPDATE);
    assertThat(result.err().orElseThrow().action()).contains(Changeset.Action.UPDATE);
    assertThatThrownBy(() -> invalid.applyActionOrThrow(Changeset.Action.UPDATE))
        .isInstanceOf(InvalidChangesetException.class)
        .hasMessageContaining("could not perform update because the Post changeset is invalid");

    Changeset<FormData> valid = Changeset.cast(POST.data(Map.of("title", "a")), params("upvotes", "3"), TITLE, UPVOTES);
    assertThat(valid.applyAction(Changeset.Action.UPDATE).ok().orElseThrow().toMap())
        .isEqualTo(Map.of("title", "a", "upvotes", 3));
  }

  /** get_field, fetch_field, changed?, put_change, update_change, delete_change and merge on map data. */
  @Test
  void readingAndChangingWorkOnMapData() {
    Changeset<FormData> cs = Changeset.cast(POST.data(Map.of("title", "hello", "upvotes", 1)),
        params("upvotes", "2"), TITLE, UPVOTES);
    assertThat(cs.getField(TITLE)).isEqualTo("hello");
    assertThat(cs.fetchField(UPVOTES)).isEqualTo(new Fetched<>(Fetched.Source.CHANGES, 2));
    assertThat(cs.fetchField(TITLE)).isEqualTo(new Fetched<>(Fetched.Source.DATA, "hello"));
    assertThat(cs.changed(UPVOTES)).isTrue();
    assertThat(cs.changed(UPVOTES, 1, 2)).isTrue();
    assertThat(cs.changed(TITLE)).isFalse();

    Changeset<FormData> edited = cs.putChange(TITLE, "hi").updateChange(UPVOTES, n -> n + 1).deleteChange(TITLE);
    assertThat(edited.changes()).isEqualTo(Map.of(UPVOTES, 3));
    assertThat(edited.putChange(UPVOTES, 1).changes()).isEmpty();

    Changeset<FormData> merged = cs.merge(Changeset.change(cs.data(), Map.of(TITLE, "merged")));
    assertThat(merged.changes()).isEqualTo(Map.of(UPVOTES, 2, TITLE, "merged"));
  }

  /** Ecto's get_source/1: a constraint of a schemaless changeset needs its name; with one, it is declared. */
  @Test
  void constraintsNeedANameWithoutATable() {
    Changeset<FormData> cs = Changeset.change(POST.empty());
    assertThatThrownBy(() -> cs.uniqueConstraint(TITLE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot add constraint to changeset because it does not have a source, got: Post (schemaless)");
    assertThatThrownBy(() -> cs.checkConstraint(UPVOTES))
        .hasMessageContaining("does not have a source");
    assertThat(cs.uniqueConstraint(TITLE, Constraint.name("posts_title_index")).constraints())
        .extracting(Constraint::name).containsExactly("posts_title_index");
  }

  /** The data is checked against the declared types; a field is declared once; a redacted value never shows. */
  @Test
  void formDataIsTypedAndRedacted() {
    assertThatThrownBy(() -> POST.data(Map.of("upvotes", "7")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Post.upvotes holds integer, not java.lang.String (7)");
    assertThatThrownBy(() -> POST.field("title", Types.TEXT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Post already has a field title; declare each field once and keep its constant");
    assertThat(POST.data(Map.of("title", "t", "extra", "kept")).toMap()).containsEntry("extra", "kept");

    Changeset<FormData> cs = Changeset.cast(SIGNUP.empty(), params("password", "secret123"), PASSWORD);
    assertThat(cs.applyChanges()).hasToString("Signup{password=**redacted**}");
    assertThat(cs.toString()).doesNotContain("secret123");
    assertThat(SIGNUP.virtualFields()).containsExactly(EMAIL, PASSWORD, AGE, PLAN, TOPICS, NICK);
    assertThat(SIGNUP.fields()).isEmpty();
  }

  /** A schemaless shape has no table: a query of it fails before any SQL, saying what to use instead. */
  @Test
  void aSchemalessShapeCannotBeQueried() {
    assertThatThrownBy(() -> Query.from(POST))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Post is a schemaless data shape: it has no table, so it has no table name. Schemaless changesets "
            + "cast and validate data (applyAction, applyChanges); to write rows, declare a @Schema, and to query a "
            + "table without one, use Query.from(\"table\")");
    assertThatThrownBy(NoSchemaPost.SHAPE::insertSql).hasMessageStartingWith("NoSchemaPost is a schemaless data shape");
  }
}
