package io.ecto4j.processor.validation;

import static io.ecto4j.processor.Compile.schema;
import static io.ecto4j.processor.validation.Errors.expectError;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The compile errors of embedded schemas and embeds, each at its element. */
class EmbedErrorsTest {
  private static final JavaFileObject ADDRESS = schema("Address", """
      @Embedded
      public interface Address {
        @Field String city();
      }
      """);

  /** {@code order} first, then a valid {@code @Embedded Address} in a file of its own. */
  private static JavaFileObject[] withAddress(String order) {
    return new JavaFileObject[] {schema("Order", order), ADDRESS};
  }

  @Test
  void embedsOneOfSomethingThatIsNotEmbedded() {
    expectError(schema("Order", """
        interface Address {}

        @Schema("orders")
        public interface Order {
          @EmbedsOne Address address();
        }
        """), "[EmbedTarget] @EmbedsOne type Address is not an @Embedded interface; annotate Address with @Embedded",
        "@EmbedsOne");
  }

  @Test
  void embedsManyOfASchema() {
    expectError(new JavaFileObject[] {schema("Order", """
        @Schema("orders")
        public interface Order {
          @EmbedsMany List<Item> items();
        }
        """), schema("Item", """
        @Schema("items")
        public interface Item {
          @Field String sku();
        }
        """)}, "[EmbedTarget] @EmbedsMany type Item is not an @Embedded interface", "@EmbedsMany");
  }

  @Test
  void embedsOneReturningAList() {
    expectError(withAddress("""
        @Schema("orders")
        public interface Order {
          @EmbedsOne List<Address> addresses();
        }
        """), "[EmbedType] @EmbedsOne addresses() returns List<Address>; return the @Embedded interface itself, "
        + "or use @EmbedsMany for a list", "@EmbedsOne");
  }

  @Test
  void embedsManyNotReturningAList() {
    expectError(withAddress("""
        @Schema("orders")
        public interface Order {
          @EmbedsMany Address addresses();
        }
        """), "[EmbedType] @EmbedsMany addresses() returns Address; declare it as List<X> of an @Embedded interface X",
        "@EmbedsMany");
  }

  @Test
  void updateOnEmbedsMany() {
    expectError(withAddress("""
        @Schema("orders")
        public interface Order {
          @EmbedsMany(onReplace = OnReplace.UPDATE) List<Address> addresses();
        }
        """), "[EmbedOnReplace] @EmbedsMany(onReplace = UPDATE) on addresses(): an embed has no row or foreign key of "
        + "its own; use RAISE, MARK_AS_INVALID or DELETE (UPDATE is for @EmbedsOne only)", "@EmbedsMany");
  }

  @Test
  void nilifyOnEmbedsOne() {
    expectError(withAddress("""
        @Schema("orders")
        public interface Order {
          @EmbedsOne(onReplace = OnReplace.NILIFY) Address address();
        }
        """), "[EmbedOnReplace] @EmbedsOne(onReplace = NILIFY) on address()", "@EmbedsOne");
  }

  @Test
  void embeddedWithADatabaseKey() {
    expectError(schema("Address", """
        @Embedded(primaryKey = @PrimaryKey(type = PrimaryKey.Type.BIGSERIAL))
        public interface Address {
          @Field String city();
        }
        """), "[EmbeddedKey] @Embedded Address has a BIGSERIAL primary key", "@Embedded");
  }

  /** {@code country} first, then the {@code @Schema Country} it points at. */
  private static JavaFileObject[] withCountry(String address) {
    return new JavaFileObject[] {schema("Address", address), schema("Country", """
        @Schema("countries")
        public interface Country {
          @Field String name();
        }
        """)};
  }

  @Test
  void embeddedWithAHasMany() {
    expectError(withCountry("""
        @Embedded
        public interface Address {
          @HasMany List<Country> countries();
        }
        """), "[EmbeddedAssociation] @Embedded Address declares @HasMany countries(), but an embedded schema can only"
        + " declare @BelongsTo, whose foreign key is a field of its JSON", "@HasMany");
  }

  @Test
  void embeddedWithAManyToMany() {
    expectError(withCountry("""
        @Embedded
        public interface Address {
          @ManyToMany(joinThrough = "addresses_countries") List<Country> countries();
        }
        """), "[EmbeddedAssociation] @Embedded Address declares @ManyToMany countries()", "@ManyToMany");
  }

  @Test
  void embeddedBelongsToWithOnDelete() {
    expectError(withCountry("""
        @Embedded
        public interface Address {
          @BelongsTo(onDelete = ReferenceAction.DELETE_ALL) Country country();
        }
        """), "[EmbeddedBelongsTo] @BelongsTo(onDelete = …) country() in @Embedded Address: it declares the foreign"
        + " key constraint of a table, and an embedded schema has none; remove onDelete", "@BelongsTo");
  }

  @Test
  void embeddedBelongsToWithOnReplace() {
    expectError(withCountry("""
        @Embedded
        public interface Address {
          @BelongsTo(onReplace = OnReplace.NILIFY) Country country();
        }
        """), "[EmbeddedBelongsTo] @BelongsTo(onReplace = …) country() in @Embedded Address: only castAssoc/putAssoc"
        + " read it, and an embedded schema's association is read-only", "@BelongsTo");
  }

  @Test
  void embeddedWithTimestamps() {
    expectError(schema("Address", """
        @Embedded
        @Timestamps
        public interface Address {
          @Field String city();
        }
        """), "[EmbeddedMember] @Embedded Address declares @Timestamps, but an embedded schema has no table to stamp", "@Timestamps");
  }

  @Test
  void embeddedThatIsAClass() {
    expectError(schema("Address", """
        @Embedded
        public class Address {
        }
        """), "[SchemaKind]", "@Embedded");
  }
}
