package io.ecto4j.processor.validation;

import static io.ecto4j.processor.Compile.schema;
import static io.ecto4j.processor.validation.Errors.expectError;

import org.junit.jupiter.api.Test;

class SchemaTypeErrorsTest {

  @Test
  void schemaOnAClass() {
    expectError(schema("Foo", """
        @Schema("foos")
        public class Foo {}
        """), "[SchemaKind] @Schema Foo is a class, not an interface; declare it as `public interface Foo`",
        "@Schema");
  }

  @Test
  void schemaOnAnEnum() {
    expectError(schema("Foo", """
        @Schema("foos")
        public enum Foo { A }
        """), "[SchemaKind] @Schema Foo is an enum, not an interface", "@Schema");
  }

  @Test
  void schemaOnARecord() {
    expectError(schema("Foo", """
        @Schema("foos")
        public record Foo(String name) {}
        """), "[SchemaKind] @Schema Foo is a record, not an interface", "@Schema");
  }

  @Test
  void missingTableName() {
    expectError(schema("BlogPost", """
        @Schema
        public interface BlogPost {
          @Field String title();
        }
        """), "[SchemaTableName] @Schema on BlogPost names no table; write @Schema(\"blog_posts\")", "@Schema");
  }

  @Test
  void tableNameThatIsNoSqlIdentifier() {
    expectError(schema("Foo", """
        @Schema("Foos")
        public interface Foo {
          @Field String name();
        }
        """), "[SqlIdentifier] table name \"Foos\" is not a valid SQL identifier; use lowercase letters, digits "
        + "and underscores, starting with a letter or an underscore, at most 63 characters; e.g. @Schema(\"foos\")",
        "@Schema(\"Foos\")");
  }

  @Test
  void tableNameLongerThanPostgresAllows() {
    String table = "t".repeat(64);
    expectError(schema("Foo", "@Schema(\"" + table + "\")\npublic interface Foo {\n  @Field String name();\n}\n"),
        "[SqlIdentifier] table name \"" + table + "\"", "@Schema");
  }

  @Test
  void genericSchema() {
    expectError(schema("Foo", """
        @Schema("foos")
        public interface Foo<T> {
          @Field String name();
        }
        """), "[SchemaGeneric] @Schema interface Foo declares type parameters", "interface Foo<T>");
  }

  @Test
  void privateNestedSchema() {
    expectError(schema("Outer", """
        public class Outer {
          @Schema("foos")
          private interface Foo {
            @Field String name();
          }
        }
        """), "[SchemaVisibility] @Schema interface Foo is private or nested in a private type", "private interface Foo");
  }

  @Test
  void inheritedAbstractMethod() {
    expectError(schema("Foo", """
        interface Named {
          String displayName();
        }

        @Schema("foos")
        public interface Foo extends Named {
          @Field String name();
        }
        """), "[SchemaSuperinterface] Foo inherits the abstract method displayName() from Named", "interface Foo extends");
  }

  @Test
  void structNameThatIsNoJavaName() {
    expectError(schema("Foo", """
        @Schema(value = "foos", struct = "1Foo")
        public interface Foo {
          @Field String name();
        }
        """), "[GeneratedName] @Schema(struct = \"1Foo\") is not a valid Java type name", "struct = \"1Foo\"");
  }

  @Test
  void timestampNameThatIsNoJavaName() {
    expectError(schema("Foo", """
        @Schema("foos")
        @Timestamps(insertedAt = "inserted-at")
        public interface Foo {
          @Field String name();
        }
        """), "[JavaIdentifier] @Timestamps insertedAt \"inserted-at\" is not a valid Java identifier", "@Timestamps");
  }

  @Test
  void schemaWithoutColumns() {
    expectError(schema("Foo", """
        @Schema(value = "foos", primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
        public interface Foo {
          @Field(virtual = true) String draft();
        }
        """), "[SchemaEmpty] @Schema Foo has no column", "@Schema");
  }
}
