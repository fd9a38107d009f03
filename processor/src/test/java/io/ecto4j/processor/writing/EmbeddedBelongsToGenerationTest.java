package io.ecto4j.processor.writing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.ecto4j.processor.GeneratedClasses.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.AssociationNotLoadedException;
import io.ecto4j.meta.BelongsToAssociation;
import io.ecto4j.meta.EmbeddedTable;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Struct;
import io.ecto4j.processor.Compile;
import io.ecto4j.processor.GeneratedClasses;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the processor generates for a {@code @BelongsTo} declared in an {@code @Embedded} interface,
 * as Ecto's {@code Ecto.Integration.Item} declares {@code belongs_to :user}: the foreign key is a
 * field of the embed's JSON, the struct gets a slot that starts not loaded, and the companion the
 * association constant, listed by {@code associations()}.
 */
class EmbeddedBelongsToGenerationTest {
  private static final JavaFileObject ITEM = Compile.schema("Item", """
      @Embedded
      public interface Item {
        @Field int price();
        @BelongsTo User user();
      }
      """);
  private static final JavaFileObject USER = Compile.schema("User", """
      @Schema("users")
      public interface User {
        @Field String name();
      }
      """);
  private static final JavaFileObject ORDER = Compile.schema("Order", """
      @Schema("orders")
      public interface Order {
        @EmbedsOne Item item();
        @EmbedsMany List<Item> items();
      }
      """);
  private static GeneratedClasses generated;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compile.schemas(ITEM, USER, ORDER);
    assertThat(compilation).succeededWithoutWarnings();
    generated = new GeneratedClasses(compilation);
  }

  @Test
  void theCompanionHasTheAssociationWithTheForeignKeyAmongItsFields() {
    EmbeddedTable<?> items = (EmbeddedTable<?>) generated.constant("test.Items", "SCHEMA");
    BelongsToAssociation<?, ?, ?> user = (BelongsToAssociation<?, ?, ?>) generated.constant("test.Items", "USER");
    assertThat(List.<Object>copyOf(items.associations())).containsExactly(user);
    assertThat(user.kind()).isEqualTo(Association.Kind.BELONGS_TO);
    assertThat(user.owner()).isSameAs(items);
    assertThat(user.related()).isSameAs(generated.constant("test.Users", "SCHEMA"));
    assertThat(user.foreignKey()).isSameAs(generated.constant("test.Items", "USER_ID"));
    assertThat(user.references()).isSameAs(generated.constant("test.Users", "ID"));
    assertThat(items.fields()).extracting(Field::column).containsExactly("id", "price", "user_id");
  }

  @Test
  void aNewEmbeddedStructHasTheSlotNotLoaded() {
    Object item = generated.newInstance("test.ItemStruct");
    assertThatThrownBy(() -> call(item, "user")).isInstanceOf(AssociationNotLoadedException.class)
        .hasMessageContaining("Items.USER");
    assertThat(((Association<?, ?>) generated.constant("test.Items", "USER")).isLoaded(cast(item))).isFalse();
  }

  @Test
  void theForeignKeyIsStoredInTheJsonAndTheSlotIsNot() {
    Map<String, Object> dumped = roundTrip((EmbeddedTable<?>) generated.constant("test.Items", "SCHEMA"),
        Map.of("price", 3, "user_id", 42));
    assertThat(dumped).containsEntry("user_id", 42L).containsEntry("price", 3).doesNotContainKey("user");
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }

  private static <E extends Struct<E>> Map<String, Object> roundTrip(EmbeddedTable<E> table, Map<String, ?> json) {
    E loaded = table.load(json);
    assertThat(table.associations().get(0).isLoaded(loaded)).isFalse();
    return table.dump(loaded);
  }
}
