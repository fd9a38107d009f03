package io.ecto4j.processor.reading;

import static io.ecto4j.processor.Compile.schema;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.processor.Compile;
import io.ecto4j.processor.GeneratedClasses;
import io.ecto4j.type.FieldType;
import io.ecto4j.type.Types;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every supported Java type, compiled and run: its runtime type, its DDL and its default. */
class TypeMapperTest {
  private static GeneratedClasses classes;
  private static Table<Object> table;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void compile() {
    classes = new GeneratedClasses(Compile.schemas(schema("Everything", """
        @Schema("everything")
        public interface Everything {
          enum Status { DRAFT, PUBLISHED }

          @Field(nullable = false, defaultValue = "it's") String string();
          @Field(type = "text") String text();
          @Field(type = "varchar(40)") String shortText();
          @Field(defaultValue = "true") boolean flag();
          @Field Boolean maybe();
          @Field(defaultValue = "-2") short small();
          @Field Short boxedSmall();
          @Field int number();
          @Field(defaultValue = "5") Integer boxedNumber();
          @Field(defaultValue = "9000000000") long big();
          @Field(defaultValue = "5") Long boxedBig();
          @Field(defaultValue = "0.5") double ratio();
          @Field Double boxedRatio();
          @Field(defaultValue = "1.50", type = "numeric(10, 2)") BigDecimal price();
          @Field(defaultValue = "00000000-0000-0000-0000-000000000001") UUID token();
          @Field(defaultValue = "2024-01-31T10:15:30Z") Instant instant();
          @Field OffsetDateTime offset();
          @Field LocalDateTime local();
          @Field(defaultValue = "2024-01-31") LocalDate day();
          @Field(defaultValue = "10:15") LocalTime time();
          @Field byte[] data();
          @Field(defaultValue = "PUBLISHED") Status status();
          @Field List<Integer> numbers();
          @Field List<Status> statuses();
          @Field(type = "text[]") List<String> labels();
          @Field Map<String, Object> attributes();
        }
        """)));
    table = (Table<Object>) classes.constant("test.Everythings", "SCHEMA");
  }

  @Test
  void scalarTypesUseTheirTypesConstant() {
    assertThat(type("string")).isSameAs(Types.STRING);
    assertThat(type("text")).isSameAs(Types.TEXT);
    assertThat(type("shortText")).isSameAs(Types.STRING);
    assertThat(type("flag")).isSameAs(Types.BOOLEAN);
    assertThat(type("maybe")).isSameAs(Types.BOOLEAN);
    assertThat(type("small")).isSameAs(Types.SHORT);
    assertThat(type("boxedSmall")).isSameAs(Types.SHORT);
    assertThat(type("number")).isSameAs(Types.INTEGER);
    assertThat(type("big")).isSameAs(Types.LONG);
    assertThat(type("ratio")).isSameAs(Types.DOUBLE);
    assertThat(type("price")).isSameAs(Types.DECIMAL);
    assertThat(type("token")).isSameAs(Types.UUID_TYPE);
    assertThat(type("instant")).isSameAs(Types.INSTANT);
    assertThat(type("offset")).isSameAs(Types.OFFSET_DATE_TIME);
    assertThat(type("local")).isSameAs(Types.LOCAL_DATE_TIME);
    assertThat(type("day")).isSameAs(Types.LOCAL_DATE);
    assertThat(type("time")).isSameAs(Types.LOCAL_TIME);
    assertThat(type("data")).isSameAs(Types.BYTES);
    assertThat(type("attributes")).isSameAs(Types.JSON_MAP);
  }

  @Test
  void enumsAndListsBuildTheirTypes() {
    assertThat(type("status").name()).isEqualTo("enum<Status>");
    assertThat(type("numbers").name()).isEqualTo("list<integer>");
    assertThat(type("statuses").name()).isEqualTo("list<enum<Status>>");
    assertThat(type("labels").name()).isEqualTo("list<string>");
  }

  @Test
  void primitivesAreNotNullAndReferencesNullableUnlessSaidOtherwise() {
    assertThat(field("flag").isNullable()).isFalse();
    assertThat(field("maybe").isNullable()).isTrue();
    assertThat(field("string").isNullable()).isFalse();
  }

  @Test
  void ddlUsesTheSqlTypesAndOverrides() {
    assertThat(table.ddl()).contains(
        "\"string\" varchar(255) NOT NULL DEFAULT 'it''s',",
        "\"text\" text,",
        "\"short_text\" varchar(40),",
        "\"flag\" boolean NOT NULL DEFAULT true,",
        "\"small\" smallint NOT NULL DEFAULT -2,",
        "\"big\" bigint NOT NULL DEFAULT 9000000000,",
        "\"ratio\" double precision NOT NULL DEFAULT 0.5,",
        "\"price\" numeric(10, 2) DEFAULT 1.50,",
        "\"token\" uuid DEFAULT '00000000-0000-0000-0000-000000000001',",
        "\"instant\" timestamptz DEFAULT '2024-01-31T10:15:30Z',",
        "\"offset\" timestamptz,",
        "\"local\" timestamp,",
        "\"day\" date DEFAULT '2024-01-31',",
        "\"time\" time DEFAULT '10:15',",
        "\"data\" bytea,",
        "\"status\" varchar(255) DEFAULT 'PUBLISHED',",
        "\"numbers\" integer[],",
        "\"statuses\" varchar(255)[],",
        "\"labels\" text[],",
        "\"attributes\" jsonb");
  }

  @Test
  void newStructsHoldTheParsedDefaults() {
    Object struct = table.newStruct();
    assertThat(field("string").get(struct)).isEqualTo("it's");
    assertThat(field("flag").get(struct)).isEqualTo(true);
    assertThat(field("small").get(struct)).isEqualTo((short) -2);
    assertThat(field("number").get(struct)).isEqualTo(0);
    assertThat(field("boxedNumber").get(struct)).isEqualTo(5);
    assertThat(field("big").get(struct)).isEqualTo(9_000_000_000L);
    assertThat(field("boxedBig").get(struct)).isEqualTo(5L);
    assertThat(field("ratio").get(struct)).isEqualTo(0.5);
    assertThat(field("boxedRatio").get(struct)).isNull();
    assertThat(field("price").get(struct)).isEqualTo(new BigDecimal("1.50"));
    assertThat(field("token").get(struct)).isEqualTo(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    assertThat(field("instant").get(struct)).isEqualTo(Instant.parse("2024-01-31T10:15:30Z"));
    assertThat(field("day").get(struct)).isEqualTo(LocalDate.parse("2024-01-31"));
    assertThat(field("time").get(struct)).isEqualTo(LocalTime.parse("10:15"));
    assertThat(field("status").get(struct)).hasToString("PUBLISHED");
    assertThat(field("numbers").get(struct)).isNull();
  }

  private static FieldType<?> type(String name) {
    return field(name).type();
  }

  @SuppressWarnings("unchecked")
  private static Field<Object, Object> field(String name) {
    return (Field<Object, Object>) table.fields().stream()
        .filter(field -> field.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no field " + name));
  }
}
