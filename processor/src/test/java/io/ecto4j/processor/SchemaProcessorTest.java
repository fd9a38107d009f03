package io.ecto4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.ecto4j.processor.Compile.schema;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class SchemaProcessorTest {

  @Test
  void claimsEctosSchemaAnnotationsOnTheLatestSourceVersion() {
    SchemaProcessor processor = new SchemaProcessor();
    assertThat(processor.getSupportedAnnotationTypes())
        .isEqualTo(Set.of("io.ecto4j.schema.*", "javax.annotation.processing.Generated"));
    assertThat(processor.getSupportedSourceVersion()).isEqualTo(SourceVersion.latestSupported());
  }

  @Test
  void isRegisteredAsAService() throws IOException {
    try (InputStream services = SchemaProcessor.class.getResourceAsStream(
        "/META-INF/services/javax.annotation.processing.Processor")) {
      assertThat(services).isNotNull();
      assertThat(new String(services.readAllBytes(), StandardCharsets.UTF_8))
          .contains(SchemaProcessor.class.getName());
    }
  }

  @Test
  void generatesTheStructAndTheCompanionOfEachSchema() {
    Compilation compilation = Compile.schemas(Compile.blog());
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(Compile.written()).containsExactly("blog.CommentStruct", "blog.Comments", "blog.PostStruct",
        "blog.Posts", "blog.TagStruct", "blog.Tags", "blog.UserStruct", "blog.Users");
  }

  @Test
  void namesCanBeOverridden() {
    Compilation compilation = Compile.schemas(schema("Person", """
        @Schema(value = "people", struct = "PersonRecord", companion = "People")
        public interface Person {
          @Field String name();
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(Compile.written()).containsExactly("test.PersonRecord", "test.People");
  }

  @Test
  void nestedSchemasGenerateTopLevelTypes() {
    Compilation compilation = Compile.schemas(schema("Shop", """
        public final class Shop {
          @Schema("categories")
          public interface Category {
            @Field String name();
            @HasMany List<Product> products();
          }

          @Schema("products")
          interface Product {
            @Field String name();
            @BelongsTo Category category();
          }
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(Compile.written()).containsExactly("test.CategoryStruct", "test.Categories", "test.ProductStruct",
        "test.Products");
  }

  @Test
  void schemaWithAnUnresolvableTypeIsReportedOnce() {
    JavaFileObject source = schema("Foo", """
        @Schema("foos")
        public interface Foo {
          @Field Missing thing();
        }
        """);
    Compilation compilation = Compile.schemas(source);
    assertThat(compilation).hadErrorContaining("[UnresolvedType] ecto4j did not process test.Foo because the type "
        + "Missing could not be resolved").inFile(source).onLineContaining("interface Foo");
    assertThat(compilation).hadErrorContaining("cannot find symbol");
    assertThat(compilation).hadErrorCount(2);
    assertThat(Compile.written()).isEmpty();
  }

  @Test
  void unresolvedAnnotationValuesCauseNoFollowOnErrors() {
    JavaFileObject source = schema("Foo", """
        @Schema(Constants.MISSING)
        public interface Foo {
          @Field String name();
        }
        """);
    Compilation compilation = Compile.schemas(source);
    assertThat(compilation).hadErrorContaining("[UnresolvedType] ecto4j did not process test.Foo because a value of "
        + "@Schema on Foo could not be resolved").inFile(source).onLineContaining("interface Foo");
    assertThat(compilation).hadErrorContaining("cannot find symbol");
    assertThat(compilation).hadErrorCount(2);
  }
}
