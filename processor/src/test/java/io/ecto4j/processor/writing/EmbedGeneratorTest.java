package io.ecto4j.processor.writing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.ecto4j.meta.Embed;
import io.ecto4j.meta.EmbeddedTable;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Struct;
import io.ecto4j.meta.Table;
import io.ecto4j.processor.Compile;
import io.ecto4j.processor.GeneratedClasses;
import io.ecto4j.schema.OnReplace;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the processor generates for {@code @Embedded} interfaces and the embeds that hold them. */
class EmbedGeneratorTest {
  private static final JavaFileObject ADDRESS = Compile.schema("Address", """
      @Embedded
      public interface Address {
        @Field String city();
        @EmbedsOne Geo geo();
      }
      """);
  private static final JavaFileObject GEO = Compile.schema("Geo", """
      @Embedded(primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
      public interface Geo {
        @Field double lat();
      }
      """);
  private static final JavaFileObject ORDER = Compile.schema("Order", """
      @Schema("orders")
      public interface Order {
        @Field String number();
        @EmbedsOne(onReplace = OnReplace.UPDATE) Address address();
        @EmbedsMany(column = "lines") List<Address> addresses();
      }
      """);
  private static GeneratedClasses generated;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compile.schemas(ADDRESS, GEO, ORDER);
    assertThat(compilation).succeededWithoutWarnings();
    generated = new GeneratedClasses(compilation);
  }

  @Test
  void embeddedCompanionIsAnEmbeddedTableWithoutQuery() {
    Class<?> addresses = generated.load("test.Addresses");
    assertThat(EmbeddedTable.class).isAssignableFrom(addresses);
    assertThat(Arrays.stream(addresses.getMethods()).map(Method::getName)).doesNotContain("query");
    assertThat(Arrays.stream(generated.load("test.Orders").getMethods()).map(Method::getName)).contains("query");
    assertThat(Compile.written()).doesNotContain("test.AddressesQuery");
  }

  @Test
  void callingQueryOnAnEmbeddedSchemaDoesNotCompile() {
    JavaFileObject user = Compile.schema("UsesAddress", """
        class UsesAddress {
          Object all() {
            return Addresses.query();
          }
        }
        """);
    Compilation compilation = Compile.schemas(ADDRESS, GEO, user);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(user).onLineContaining("Addresses.query()");
  }

  @Test
  void embedsAreJsonbColumnsAndTypedConstants() {
    @SuppressWarnings("unchecked")
    Table<Object> orders = (Table<Object>) generated.constant("test.Orders", "SCHEMA");
    assertThat(orders.fields()).extracting(Field::column).containsExactly("id", "number", "address", "lines");
    Embed<?, ?, ?> address = (Embed<?, ?, ?>) generated.constant("test.Orders", "ADDRESS");
    assertThat(address.cardinality()).isEqualTo(Embed.Cardinality.ONE);
    assertThat(address.onReplace()).isEqualTo(OnReplace.UPDATE);
    assertThat(address.related()).isSameAs(generated.constant("test.Addresses", "SCHEMA"));
    Embed<?, ?, ?> addresses = (Embed<?, ?, ?>) generated.constant("test.Orders", "ADDRESSES");
    assertThat(addresses.isMany()).isTrue();
    assertThat(addresses.constant()).isEqualTo("Orders.ADDRESSES");
    assertThat((String) generated.constant("test.Orders", "DDL"))
        .contains("\"address\" jsonb,\n")
        .contains("\"lines\" jsonb NOT NULL DEFAULT '[]'::jsonb\n");
  }

  @Test
  void structsHoldTheEmbeddedStruct() {
    Class<?> order = generated.load("test.OrderStruct");
    assertThat(Arrays.stream(order.getRecordComponents()).map(c -> c.getType().getSimpleName()))
        .containsExactly("Long", "String", "AddressStruct", "List", "Meta");
    RecordComponent addresses = order.getRecordComponents()[3];
    assertThat(addresses.getGenericType().getTypeName()).isEqualTo("java.util.List<test.Address>");
    Object empty = generated.newInstance("test.OrderStruct");
    assertThat(empty.toString()).contains("address=null").contains("addresses=[]");
  }

  @Test
  void embeddedStructsDumpAndLoad() throws Throwable {
    EmbeddedTable<?> addresses = (EmbeddedTable<?>) generated.constant("test.Addresses", "SCHEMA");
    Object loaded = addresses.load(Map.of("city", "Lyon", "geo", Map.of("lat", 45.75)));
    assertThat(GeneratedClasses.call(loaded, "city")).isEqualTo("Lyon");
    assertThat(GeneratedClasses.call(GeneratedClasses.call(loaded, "geo"), "lat")).isEqualTo(45.75);
    Map<String, Object> dumped = roundTrip(addresses, Map.of("city", "Lyon", "geo", Map.of("lat", 45.75)));
    assertThat(dumped).containsEntry("city", "Lyon").containsEntry("geo", Map.of("lat", 45.75));
    assertThat(dumped.get("id")).isInstanceOf(String.class);
    assertThat(addresses.fields()).extracting(Field::name).containsExactly("id", "city", "geo");
    assertThat(((EmbeddedTable<?>) generated.constant("test.Geos", "SCHEMA")).primaryKey()).isEmpty();
    assertThat(List.of(addresses.schemaName())).containsExactly("Address");
  }

  private static <E extends Struct<E>> Map<String, Object> roundTrip(EmbeddedTable<E> table, Map<String, ?> json) {
    return table.dump(table.load(json));
  }
}
