package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.it.schemas.CtAccountStruct;
import io.ecto4j.it.schemas.CtAccounts;
import io.ecto4j.it.schemas.CtEmail;
import io.ecto4j.it.schemas.CtMoney;
import io.ecto4j.it.schemas.CtNoteStruct;
import io.ecto4j.it.schemas.CtNotes;
import io.ecto4j.it.schemas.CtVisits;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Update;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.CustomTypeException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Custom types, typed maps and {@code :any} (issue #17) against PostgreSQL. */
@EctoTest(sandbox = true)
class CustomTypeConformanceTest {
  private static final CtEmail ADA = new CtEmail("ada@example.com");

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    db.execute(CtAccounts.DDL);
    db.execute(CtNotes.DDL);
  }

  private static CtAccountStruct account(Repo repo, CtEmail email) {
    return repo.insertOrThrow(new CtAccountStruct().withEmail(email));
  }

  /**
   * Ports changeset_test.exs "cast/4: field has a custom invalid error message" and "cast/4: ignores the
   * :type parameter in custom errors": the type's message and keys, its own {@code type} key ignored.
   */
  @Test
  void castErrorCarriesTheTypesMessageAndKeys() {
    Changeset<CtAccountStruct> changeset = Changeset.cast(new CtAccountStruct(), Map.of("email", "nobody"),
        CtAccounts.EMAIL);
    assertThat(changeset.isValid()).isFalse();
    ChangesetError error = changeset.errors().get(0);
    assertThat(error.message()).isEqualTo("is not an email address");
    assertThat(error.keys()).containsExactly(Map.entry("type", "CtEmail.Type"), Map.entry("validation", "cast"),
        Map.entry("reason", "no_at_sign"));
  }

  /** Ports changeset_test.exs "cast/4: field has a custom invalid error message without message". */
  @Test
  void castErrorWithoutMessageIsInvalidWithTheKeys() {
    Changeset<CtAccountStruct> changeset = Changeset.cast(new CtAccountStruct(), Map.of("visits", "-1"),
        CtAccounts.VISITS);
    assertThat(changeset.errors()).containsExactly(new ChangesetError("visits", "is invalid",
        Map.of("type", "visits", "validation", "cast", "reason", "negative")));
  }

  /** Ports changeset_test.exs "cast/4: user-defined error message overrides custom invalid error message". */
  @Test
  void userMessageOverridesTheTypesMessage() {
    Changeset<CtAccountStruct> changeset = Changeset.cast(new CtAccountStruct(), Map.of("email", "nobody"),
        io.ecto4j.changeset.CastOptions.defaults().message((field, keys) -> "user-defined error"), CtAccounts.EMAIL);
    assertThat(changeset.errors().get(0).message()).isEqualTo("user-defined error");
    assertThat(changeset.errors().get(0).keys()).containsEntry("reason", "no_at_sign");
  }

  /**
   * Ports changeset_test.exs "cast/4: field has a custom invalid error message on an array field" and
   * "… on a map field": the element's position in {@code source}.
   */
  @Test
  void elementErrorsNameTheirPosition() {
    Changeset<CtAccountStruct> list = Changeset.cast(new CtAccountStruct(),
        Map.of("aliases", List.of("a@x.io", "nobody")), CtAccounts.ALIASES);
    assertThat(list.errors().get(0).message()).isEqualTo("is not an email address");
    assertThat(list.errors().get(0).keys()).containsEntry("type", "list<CtEmail.Type>")
        .containsEntry("source", List.of(1));
    Changeset<CtAccountStruct> map = Changeset.cast(new CtAccountStruct(),
        Map.of("contacts", Map.of("boss", "nobody")), CtAccounts.CONTACTS);
    assertThat(map.errors().get(0).keys()).containsEntry("source", List.of("boss"));
  }

  /** Ports changeset_test.exs "changed?/3" with its custom email type: an equal value by the type's equal is no change. */
  @Test
  void equalValueByTheTypeIsNoChange() {
    CtAccountStruct data = new CtAccountStruct().withEmail(ADA);
    Changeset<CtAccountStruct> same = Changeset.cast(data, Map.of("email", "ADA@Example.com"), CtAccounts.EMAIL);
    assertThat(same.changes()).isEmpty();
    Changeset<CtAccountStruct> other = Changeset.cast(data, Map.of("email", "bob@example.com"), CtAccounts.EMAIL);
    assertThat(other.getChange(CtAccounts.EMAIL)).contains(new CtEmail("bob@example.com"));
    assertThat(same.validateInclusion(CtAccounts.EMAIL, List.of(new CtEmail("ada@EXAMPLE.com"))).isValid()).isTrue();
  }

  /** A parameterized type: cast with its param, refused in another currency with the param in the message. */
  @Test
  void parameterizedTypeCastsWithItsParams() {
    Changeset<CtAccountStruct> euros = Changeset.cast(new CtAccountStruct(), Map.of("balance", "12.50"),
        CtAccounts.BALANCE);
    assertThat(euros.getChange(CtAccounts.BALANCE)).contains(new CtMoney(new BigDecimal("12.50"), "EUR"));
    Changeset<CtAccountStruct> dollars = Changeset.cast(new CtAccountStruct(),
        Map.of("balance", Map.of("amount", "3", "currency", "USD")), CtAccounts.BALANCE);
    assertThat(dollars.errors().get(0).interpolated()).isEqualTo("must be in EUR");
    assertThat(dollars.errors().get(0).keys()).containsEntry("type", "CtMoney.Type<currency=EUR>");
  }

  /** Insert, get, update and delete a struct whose fields are custom-typed, through dump and load. */
  @Test
  void writesAndReadsThroughDumpAndLoad(Repo repo) {
    CtAccountStruct inserted = repo.insertOrThrow(new CtAccountStruct().withEmail(ADA)
        .withBalance(new CtMoney(new BigDecimal("12.50"), "EUR")).withVisits(new CtVisits(3))
        .withAliases(List.of(new CtEmail("a@x.io"))).withContacts(Map.of("boss", new CtEmail("b@x.io"))));
    CtAccountStruct loaded = repo.getOrThrow(CtAccounts.SCHEMA, inserted.id());
    assertThat(loaded.email()).isEqualTo(ADA);
    assertThat(loaded.balance()).isEqualTo(new CtMoney(new BigDecimal("12.50"), "EUR"));
    assertThat(loaded.visits()).isEqualTo(new CtVisits(3));
    assertThat(loaded.aliases()).containsExactly(new CtEmail("a@x.io"));
    assertThat(loaded.contacts()).containsExactly(Map.entry("boss", new CtEmail("b@x.io")));

    CtAccountStruct updated = repo.updateOrThrow(Changeset.cast(loaded, Map.of("email", "bob@example.com"),
        CtAccounts.EMAIL));
    assertThat(repo.getOrThrow(CtAccounts.SCHEMA, updated.id()).email()).isEqualTo(new CtEmail("bob@example.com"));
    repo.deleteOrThrow(updated);
    assertThat(repo.get(CtAccounts.SCHEMA, updated.id())).isEmpty();
  }

  /** Query parameters of a custom type bind through dump: {@code eq} and {@code in}; insertAll dumps too. */
  @Test
  void queriesBindThroughDump(Repo repo) {
    repo.insertAll(CtAccounts.SCHEMA, List.of(new CtAccountStruct().withEmail(ADA),
        new CtAccountStruct().withEmail(new CtEmail("bob@example.com"))));
    assertThat(repo.all(CtAccounts.query().where(CtAccounts.EMAIL.eq(ADA)))).extracting(CtAccountStruct::email)
        .containsExactly(ADA);
    assertThat(repo.all(CtAccounts.query().where(CtAccounts.EMAIL.in(List.of(ADA, new CtEmail("bob@example.com"))))))
        .hasSize(2);
  }

  /** Ports integration type.exs "aggregate custom types": an aggregate of a custom-typed field is loaded by the type. */
  @Test
  void aggregateOfCustomTypeIsLoaded(Repo repo) {
    repo.insertOrThrow(new CtAccountStruct().withVisits(new CtVisits(10)));
    repo.insertOrThrow(new CtAccountStruct().withVisits(new CtVisits(4)));
    assertThat(repo.aggregate(CtAccounts.query(), Aggregate.max(CtAccounts.VISITS))).isEqualTo(new CtVisits(10));
    assertThat(repo.all(CtAccounts.query().select(CtAccounts.VISITS))).containsExactlyInAnyOrder(
        new CtVisits(10), new CtVisits(4));
  }

  /** Ports integration type.exs "array type with custom types": compare, select and null an array of a custom type. */
  @Test
  void arrayOfCustomType(Repo repo) {
    List<CtEmail> aliases = List.of(new CtEmail("a@x.io"));
    repo.insertOrThrow(new CtAccountStruct().withAliases(aliases));
    assertThat(repo.all(CtAccounts.query().where(CtAccounts.ALIASES.eq(List.of())).select(CtAccounts.ALIASES)))
        .isEmpty();
    assertThat(repo.all(CtAccounts.query().where(CtAccounts.ALIASES.eq(aliases)).select(CtAccounts.ALIASES)))
        .containsExactly(aliases);
    assertThat(repo.updateAll(CtAccounts.query(), Update.set(CtAccounts.ALIASES, (List<CtEmail>) null))).isEqualTo(1);
    assertThat(repo.all(CtAccounts.query().select(CtAccounts.ALIASES))).containsExactly((List<CtEmail>) null);
  }

  /** Ports integration type.exs "typed string map". */
  @Test
  void typedStringMap(Repo repo) {
    Map<String, String> links = Map.of("foo", "http://foo.com", "bar", "http://bar.com");
    CtAccountStruct account = repo.insertOrThrow(new CtAccountStruct().withLinks(links));
    assertThat(repo.all(CtAccounts.query().where(CtAccounts.ID.eq(account.id())).select(CtAccounts.LINKS)))
        .containsExactly(links);
    Changeset<CtAccountStruct> bad = Changeset.cast(new CtAccountStruct(), Map.of("links", Map.of("a", List.of())),
        CtAccounts.LINKS);
    assertThat(bad.errors()).extracting(ChangesetError::message).containsExactly("is invalid");
  }

  /** Ports integration type.exs "typed float map": 1.0 comes back as a Double, not an Integer. */
  @Test
  void typedFloatMap(Repo repo) {
    CtAccountStruct account = repo.insertOrThrow(new CtAccountStruct()
        .withIntensities(Map.of("foo", 1.0, "bar", 416500.0)));
    Map<String, Double> read = repo.getOrThrow(CtAccounts.SCHEMA, account.id()).intensities();
    assertThat(read).containsExactlyInAnyOrderEntriesOf(Map.of("foo", 1.0, "bar", 416500.0));
    assertThat(read.values()).allSatisfy(value -> assertThat(value).isInstanceOf(Double.class));
  }

  /** Ports integration type.exs "map type on update": through a changeset, then updateAll. */
  @Test
  void mapTypeOnUpdate(Repo repo) {
    CtAccountStruct account = repo.insertOrThrow(new CtAccountStruct().withDetails(Map.of("world", "hello")));
    assertThat(repo.getOrThrow(CtAccounts.SCHEMA, account.id()).details()).isEqualTo(Map.of("world", "hello"));
    Map<io.ecto4j.meta.Field<CtAccountStruct, ?>, Object> change = new LinkedHashMap<>();
    change.put(CtAccounts.DETAILS, Map.of("hello", "world"));
    repo.updateOrThrow(Changeset.change(account, change));
    assertThat(repo.getOrThrow(CtAccounts.SCHEMA, account.id()).details()).isEqualTo(Map.of("hello", "world"));
    repo.updateAll(CtAccounts.query().where(CtAccounts.ID.eq(account.id())),
        Update.set(CtAccounts.DETAILS, Map.<String, Object>of("world", "hello")));
    assertThat(repo.getOrThrow(CtAccounts.SCHEMA, account.id()).details()).isEqualTo(Map.of("world", "hello"));
  }

  /** Preloaded children and {@code Repo.load} read custom-typed columns through the type. */
  @Test
  void preloadAndLoadUseTheType(Repo repo) {
    CtAccountStruct account = account(repo, ADA);
    repo.insertOrThrow(new CtNoteStruct().withAuthor(new CtEmail("c@x.io")).withCtAccountId(account.id()));
    CtAccountStruct preloaded = repo.preload(account, CtAccounts.NOTES);
    assertThat(CtAccounts.NOTES.structs(preloaded)).extracting(CtNoteStruct::author)
        .containsExactly(new CtEmail("c@x.io"));
    CtAccountStruct loaded = repo.load(CtAccounts.SCHEMA, Map.of("email", "dora@example.com",
        "balance", Map.of("amount", "1.5", "currency", "EUR")));
    assertThat(loaded.email()).isEqualTo(new CtEmail("dora@example.com"));
    assertThat(loaded.balance()).isEqualTo(new CtMoney(new BigDecimal("1.5"), "EUR"));
  }

  /** A value the type cannot dump is a bug: the exception names the type, the field and the value's class. */
  @Test
  void dumpFailureNamesTypeFieldAndClass(Repo repo) {
    assertThatThrownBy(() -> account(repo, new CtEmail("nobody")))
        .isInstanceOf(CustomTypeException.class)
        .hasMessage("[CustomTypeDump] CtEmail.Type cannot dump a io.ecto4j.it.schemas.CtEmail for CtAccount.email:"
            + " not an email address");
  }

  /** A stored value the type cannot load names the field too. */
  @Test
  void loadFailureNamesTypeFieldAndClass(Repo repo) {
    // Through the repo, so that the sandbox rolls the row back.
    repo.query("INSERT INTO ct_accounts (email) VALUES ('nobody') RETURNING id", List.of(), row -> row.getLong(1));
    assertThatThrownBy(() -> repo.all(CtAccounts.query()))
        .isInstanceOf(CustomTypeException.class)
        .hasMessage("[CustomTypeLoad] CtEmail.Type cannot load a java.lang.String for CtAccount.email:"
            + " the stored text has no @");
  }

  /** Ports schema_test.exs "type :any" "is allowed if virtual": any value is cast as it is, never stored. */
  @Test
  void virtualAnyKeepsAnyValue(Repo repo) {
    Object value = List.of(1, "two");
    Changeset<CtAccountStruct> changeset = Changeset.cast(new CtAccountStruct(), Map.of("anything", value),
        CtAccounts.ANYTHING);
    assertThat(changeset.getChange(CtAccounts.ANYTHING)).contains(value);
    CtAccountStruct inserted = repo.insertOrThrow(changeset);
    assertThat(inserted.anything()).isEqualTo(value);
    assertThat(repo.getOrThrow(CtAccounts.SCHEMA, inserted.id()).anything()).isNull();
  }
}
