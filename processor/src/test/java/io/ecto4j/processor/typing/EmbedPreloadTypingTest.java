package io.ecto4j.processor.typing;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.ecto4j.processor.Compile;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Preload paths through embeds are typed: an embed leads to the associations of its embedded
 * schema, and an embed alone, which would load nothing, is no preload path. Ports
 * {@code integration_test/cases/preload.exs}: "preload associations from nested embeds / cannot
 * preload embed without its associations", where Ecto raises {@code ArgumentError} ("cannot preload
 * embedded field :item without also preloading one of its associations as it has no effect") and
 * ecto4j refuses to compile.
 */
class EmbedPreloadTypingTest {
  private static final JavaFileObject ITEM = Compile.schema("Item", """
      @Embedded
      public interface Item {
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

  private static Compilation compileWith(String statement) {
    JavaFileObject usage = JavaFileObjects.forSourceString("test.Usage", """
        package test;

        import io.ecto4j.repo.Repo;

        class Usage {
          static Object use(Repo repo, OrderStruct order) {
            return %s;
          }
        }
        """.formatted(statement));
    return Compile.schemas(ITEM, USER, ORDER, usage);
  }

  @Test
  void anEmbedLeadingToAnAssociationOfItsSchemaCompiles() {
    assertThat(compileWith("repo.preload(order, Orders.ITEM.then(Items.USER), Orders.ITEMS.then(Items.USER))"))
        .succeeded();
  }

  @Test
  void anEmbedAloneDoesNotCompile() {
    Compilation compilation = compileWith("repo.preload(order, Orders.ITEM)");
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("preload").inFile(usageFile(compilation))
        .onLineContaining("Orders.ITEM)");
  }

  @Test
  void anEmbedWithNothingBelowItDoesNotCompile() {
    Compilation compilation = compileWith("repo.preload(order, Orders.ITEMS.then())");
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("then").inFile(usageFile(compilation)).onLineContaining("then()");
  }

  @Test
  void anEmbedAloneBelowAnEmbedDoesNotCompile() {
    Compilation compilation = compileWith("repo.preload(order, Orders.ITEMS.then(Orders.ITEM))");
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot be converted to io.ecto4j.meta.Preloadable<test.ItemStruct>").inFile(usageFile(compilation))
        .onLineContaining("Orders.ITEMS.then(Orders.ITEM)");
  }

  private static JavaFileObject usageFile(Compilation compilation) {
    return compilation.sourceFiles().stream().filter(f -> f.getName().endsWith("Usage.java")).findFirst().orElseThrow();
  }
}
