package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.PeColorStruct;
import io.ecto4j.it.schemas.PeColors;
import io.ecto4j.it.schemas.PeCustomerStruct;
import io.ecto4j.it.schemas.PeCustomers;
import io.ecto4j.it.schemas.PeItem;
import io.ecto4j.it.schemas.PeItemStruct;
import io.ecto4j.it.schemas.PeItems;
import io.ecto4j.it.schemas.PeOrderStruct;
import io.ecto4j.it.schemas.PeOrders;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.meta.AssociationNotLoadedException;
import io.ecto4j.repo.Repo;
import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ports of Ecto's {@code integration_test/cases/preload.exs} tests of associations declared in
 * embedded schemas: a {@code @BelongsTo} of an {@code @Embedded} interface, its foreign key stored
 * in the parent's {@code jsonb} column, preloaded on an embedded struct itself and through
 * {@code @EmbedsOne}/{@code @EmbedsMany} of many parents at once. ("cannot preload embed without
 * its associations" is a compile error in ecto4j: see the processor's {@code EmbedPreloadTypingTest}.)
 */
@EctoTest(sandbox = true)
class EmbedPreloadConformanceTest {
  private final List<QueryEvent> events = new ArrayList<>();
  private UserStruct one;
  private UserStruct two;
  private UserStruct three;

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
    db.execute(PeCustomers.DDL);
    db.execute(PeOrders.DDL);
  }

  @BeforeEach
  void users(Repo repo) {
    one = user(repo, "1");
    two = user(repo, "2");
    three = user(repo, "3");
  }

  private static UserStruct user(Repo repo, String name) {
    return repo.insertOrThrow(new UserStruct().withName(name).withEmail(name + "@example.com"));
  }

  private static PeItemStruct item(int number, UserStruct user) {
    return PeItemStruct.builder().id(new UUID(0, number)).price(number).userId(user.id()).build();
  }

  /**
   * Ecto's setup of "preload associations from nested embeds": items 1, 2, 3 of users 1, 2, 3, in
   * four orders: items [1, 3, 2] and item 1; none and no item; items null and no item; items [1, 2]
   * and item 2. The orders are built, not inserted, as in Ecto.
   */
  private List<PeOrderStruct> orders() {
    PeItemStruct item1 = item(1, one);
    PeItemStruct item2 = item(2, two);
    PeItemStruct item3 = item(3, three);
    return List.of(
        PeOrderStruct.builder().items(List.of(item1, item3, item2)).item(item1).build(),
        PeOrderStruct.builder().items(List.of()).item(null).build(),
        PeOrderStruct.builder().items(null).item(null).build(),
        PeOrderStruct.builder().items(List.of(item1, item2)).item(item2).build());
  }

  /** {@code null} first, as Ecto preloads {@code [nil | orders]}: it stays in its place. */
  private static List<PeOrderStruct> withNullFirst(List<PeOrderStruct> orders) {
    List<PeOrderStruct> all = new ArrayList<>(Arrays.asList((PeOrderStruct) null));
    all.addAll(orders);
    return all;
  }

  private Repo listening(Repo repo) {
    return repo.withListener(events::add);
  }

  /** Ports preload.exs "preload belongs_to in embedded_schema". */
  @Test
  void preloadBelongsToInEmbeddedSchema(Repo repo) {
    PeItemStruct item = new PeItemStruct().withUserId(one.id());
    assertThat(PeItems.USER.isLoaded(item)).isFalse();
    assertThatThrownBy(item::user).isInstanceOf(AssociationNotLoadedException.class)
        .hasMessageContaining("PeItems.USER");

    PeItemStruct preloaded = repo.preload(item, PeItems.USER);
    assertThat(preloaded.user().id()).isEqualTo(one.id());
  }

  /** Ports preload.exs "preload associations from nested embeds / embeds_one". */
  @Test
  void embedsOne(Repo repo) {
    List<PeOrderStruct> orders = orders();
    List<PeOrderStruct> preloaded = listening(repo).preload(withNullFirst(orders), PeOrders.ITEM.then(PeItems.USER));

    assertThat(preloaded.get(0)).isNull();
    List<PeOrderStruct> rest = preloaded.subList(1, preloaded.size());
    assertThat(rest).extracting(o -> o.item() == null ? null : List.of(o.item().id(), o.item().userId()))
        .isEqualTo(orders.stream().map(o -> o.item() == null ? null : List.of(o.item().id(), o.item().userId()))
            .toList());
    assertThat(rest).extracting(o -> o.item() == null ? null : List.of(o.item().id(), userOf(o.item()).id()))
        .isEqualTo(orders.stream().map(o -> o.item() == null ? null : List.of(o.item().id(), o.item().userId()))
            .toList());
    assertThat(events).as("one query for the users of every embedded item").hasSize(1);
  }

  /** Ports preload.exs "preload associations from nested embeds / embeds_many". */
  @Test
  void embedsMany(Repo repo) {
    List<PeOrderStruct> orders = orders();
    List<PeOrderStruct> preloaded = listening(repo).preload(withNullFirst(orders), PeOrders.ITEMS.then(PeItems.USER));

    assertThat(preloaded.get(0)).isNull();
    List<PeOrderStruct> rest = preloaded.subList(1, preloaded.size());
    assertThat(rest).extracting(o -> o.items() == null ? null : pairs(o.items(), true))
        .isEqualTo(orders.stream().map(o -> o.items() == null ? null : pairs(o.items(), false)).toList());
    assertThat(rest.get(2).items()).isNull();
    assertThat(rest.get(1).items()).isEmpty();
    assertThat(events).as("one query for the users of every embedded item").hasSize(1);
    assertThat(events.get(0).parameters()).containsExactly(List.of(one.id(), three.id(), two.id()));
  }

  /** Each item's id with its user's id: the preloaded user's, or the stored foreign key. */
  private static List<List<Object>> pairs(List<PeItem> items, boolean preloaded) {
    return items.stream().map(i -> (PeItemStruct) i)
        .map(i -> List.<Object>of(i.id(), preloaded ? i.user().id() : i.userId())).toList();
  }

  private static UserStruct userOf(PeItem item) {
    return ((PeItemStruct) item).user();
  }

  /** Orders read back from their row: the foreign keys come out of the JSON, and preload as built ones do. */
  @Test
  void embedsReadFromTheDatabasePreloadTheirUsers(Repo repo) {
    repo.insertOrThrow(orders().get(0).withLabel("first"));
    repo.insertOrThrow(orders().get(3).withLabel("fourth"));

    List<PeOrderStruct> read = repo.all(PeOrders.query().orderBy(PeOrders.LABEL.asc())
        .preload(PeOrders.ITEM.then(PeItems.USER), PeOrders.ITEMS.then(PeItems.USER)));

    assertThat(read).extracting(o -> userOf(o.item()).name()).containsExactly("1", "2");
    assertThat(read).extracting(o -> o.items().stream().map(i -> userOf(i).name()).toList())
        .containsExactly(List.of("1", "3", "2"), List.of("1", "2"));
  }

  /** Paths nest: an association, then an embed, then an embed in the embed, then an association. */
  @Test
  void pathsGoThroughAssociationsAndNestedEmbeds(Repo repo) {
    PeCustomerStruct ada = repo.insertOrThrow(new PeCustomerStruct().withName("Ada"));
    PeColorStruct red = new PeColorStruct().withName("red").withChooserId(three.id());
    repo.insertOrThrow(PeOrderStruct.builder().label("a").customerId(ada.id())
        .items(List.of(item(1, one).withColor(red), item(2, two))).build());

    PeCustomerStruct loaded = listening(repo).preload(ada,
        PeCustomers.ORDERS.then(PeOrders.ITEMS.then(PeItems.USER, PeItems.COLOR.then(PeColors.CHOOSER))));

    List<PeItem> items = ((PeOrderStruct) loaded.orders().get(0)).items();
    PeItemStruct first = (PeItemStruct) items.get(0);
    assertThat(first.user().name()).isEqualTo("1");
    assertThat(first.color().chooser().name()).isEqualTo("3");
    assertThat(userOf(items.get(1)).name()).isEqualTo("2");
    assertThat(((PeItemStruct) items.get(1)).color()).isNull();
    assertThat(events).as("orders, users of the items, choosers of the colours").hasSize(3);
  }

  /** A null path below an embed is named by its position, as {@code repo.preload} names its own. */
  @Test
  void aNullPathBelowAnEmbedIsRefusedByPosition() {
    assertThatThrownBy(() -> PeOrders.ITEMS.then(PeItems.USER, PeItems.COLOR.then(PeColors.CHOOSER), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("preload path 3 of 3 below PeOrders.ITEMS is null; name an association of PeItem");
  }

  /** The slot is read-only: the embed's row is its parent's, which writes no associated rows. */
  @Test
  void putAssocOnAnEmbeddedSchemasAssociationIsRefused() {
    Changeset<PeItemStruct> change = Changeset.change(new PeItemStruct());
    assertThatThrownBy(() -> change.putAssoc(PeItems.USER, one))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PeItems.USER belongs to the embedded schema PeItem")
        .hasMessageContaining("set the foreign key field PeItems.USER_ID instead");
  }
}
