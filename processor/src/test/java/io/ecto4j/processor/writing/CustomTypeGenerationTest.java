package io.ecto4j.processor.writing;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.processor.Compile;
import io.ecto4j.processor.GeneratedClasses;
import io.ecto4j.type.CustomType;
import io.ecto4j.type.Types;
import java.io.IOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The companion of a schema with custom-typed fields, typed maps and an {@code Object} virtual field. */
class CustomTypeGenerationTest {
  private static final JavaFileObject EMAIL = JavaFileObjects.forSourceString("test.Email", """
      package test;

      import io.ecto4j.type.*;

      public record Email(String address) {
        public static final class Type extends CustomType<Email, String> {
          public Type() { super(Email.class, Types.STRING); }
          protected CastResult<Email> castInput(Object input) { return CastResult.ok(new Email(String.valueOf(input))); }
          protected Email load(String stored) { return new Email(stored); }
          protected String dump(Email value) { return value.address(); }
        }
        public static final class Typed extends CustomType<Email, String> {
          public Typed(TypeParams params) { super(Email.class, Types.STRING, params); }
          protected CastResult<Email> castInput(Object input) { return CastResult.ok(new Email(String.valueOf(input))); }
          protected Email load(String stored) { return new Email(stored); }
          protected String dump(Email value) { return value.address(); }
        }
      }
      """);
  private static final JavaFileObject ACCOUNT = Compile.schema("Account", """
      @Schema("accounts")
      public interface Account {
        @Field(using = Email.Type.class) Email email();
        @Field(using = Email.Typed.class, params = {"domain=example.com", "strict=true"}) Email work();
        @Field(using = Email.Type.class) List<Email> aliases();
        @Field(using = Email.Type.class, type = "text") Map<String, Email> contacts();
        @Field Map<String, Double> scores();
        @Field(virtual = true) Object anything();
      }
      """);

  private static Compilation compilation;
  private static GeneratedClasses classes;
  private static Table<Object> accounts;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void compile() {
    compilation = Compile.schemas(ACCOUNT, EMAIL);
    assertThat(compilation).succeededWithoutWarnings();
    classes = new GeneratedClasses(compilation);
    accounts = (Table<Object>) classes.constant("test.Accounts", "SCHEMA");
  }

  private static String companion() throws IOException {
    return compilation.generatedSourceFile("test.Accounts").orElseThrow().getCharContent(true).toString();
  }

  @SuppressWarnings("unchecked")
  private static Field<Object, Object> field(String constant) {
    return (Field<Object, Object>) classes.constant("test.Accounts", constant);
  }

  @Test
  void oneInstancePerFieldInItsConstant() throws IOException {
    String source = companion();
    // One per field that uses the type (email, aliases, contacts), in the field's constant; none per row.
    assertThat(source.split("new Email\\.Type\\(\\)", -1)).hasSize(4);
    assertThat(source).containsOnlyOnce("new Email.Typed(");
    assertThat(source).contains("new Email.Typed(TypeParams.of(\"domain\", \"example.com\", \"strict\", \"true\"))");
    assertThat(source).contains("Types.list(new Email.Type())").contains("Types.map(new Email.Type())");
    assertThat(field("EMAIL").type()).isInstanceOf(CustomType.class).isSameAs(field("EMAIL").type());
    assertThat(field("WORK").type().name()).isEqualTo("Email.Typed<domain=example.com, strict=true>");
  }

  @Test
  void rowsAreReadAndBoundThroughTheFieldSoThatFailuresNameIt() throws IOException {
    String source = companion();
    assertThat(source).contains("EMAIL.read(row, offset + ").contains("EMAIL.bind(statement, ")
        .contains("ALIASES.read(row, offset + ").contains("CONTACTS.read(row, offset + ");
  }

  @Test
  void columnsAreOfTheStoredType() {
    assertThat(accounts.ddl()).contains("\"email\" varchar(255)").contains("\"aliases\" varchar(255)[]")
        .contains("\"contacts\" text").contains("\"scores\" jsonb").doesNotContain("anything");
    assertThat(field("SCORES").type().name()).isEqualTo("map<float>");
    assertThat(field("ANYTHING").type()).isSameAs(Types.ANY);
  }

  @Test
  void theStructHoldsTheValueTypes() throws IOException {
    String struct = compilation.generatedSourceFile("test.AccountStruct").orElseThrow().getCharContent(true)
        .toString();
    assertThat(struct).contains("Email email").contains("List<Email> aliases").contains("Map<String, Email> contacts")
        .contains("Map<String, Double> scores").contains("Object anything");
    assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/ecto4j/schema.json")).isPresent();
  }
}
