package io.ecto4j.processor.writing;

import static io.ecto4j.processor.GeneratedClasses.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.meta.AssociationNotLoadedException;
import io.ecto4j.meta.Struct;
import io.ecto4j.processor.Compile;
import io.ecto4j.processor.GeneratedClasses;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the structs generated from the blog schemas of the spec. */
class StructGeneratorTest {
  private static GeneratedClasses blog;

  @BeforeAll
  static void compileBlog() {
    blog = new GeneratedClasses(Compile.schemas(Compile.blog()));
  }

  @Test
  void newStructHasTheDeclaredDefaults() throws Throwable {
    Object post = blog.newInstance("blog.PostStruct");
    assertThat(call(post, "id")).isNull();
    assertThat(call(post, "title")).isNull();
    assertThat(call(post, "published")).isEqualTo(false);
    assertThat(call(post, "viewCount")).isEqualTo(0);
    assertThat(call(blog.newInstance("blog.UserStruct"), "role")).hasToString("MEMBER");
  }

  @Test
  void withMethodsReturnChangedCopies() throws Throwable {
    Object post = blog.newInstance("blog.PostStruct");
    Object titled = call(call(post, "withTitle", "Hello"), "withViewCount", 3);
    assertThat(call(titled, "title")).isEqualTo("Hello");
    assertThat(call(titled, "viewCount")).isEqualTo(3);
    assertThat(call(post, "title")).isNull();
    assertThat(titled).isNotEqualTo(post).isInstanceOf(blog.load("blog.Post"));
  }

  @Test
  void readingAnUnloadedAssociationThrowsNamingThePreload() {
    Object post = blog.newInstance("blog.PostStruct");
    assertThatThrownBy(() -> call(post, "author"))
        .isInstanceOf(AssociationNotLoadedException.class)
        .hasMessageContaining("Post.author is not loaded")
        .hasMessageContaining("repo.preload(structOrList, Posts.AUTHOR)");
    assertThatThrownBy(() -> call(post, "comments"))
        .isInstanceOf(AssociationNotLoadedException.class)
        .hasMessageContaining("Post.comments")
        .hasMessageContaining("Posts.COMMENTS");
    assertThatThrownBy(() -> call(post, "tags")).hasMessageContaining("Posts.TAGS");
  }

  @Test
  void loadedAssociationsAreReturned() throws Throwable {
    Object user = call(blog.newInstance("blog.UserStruct"), "withName", "Ada");
    Object post = call(call(blog.newInstance("blog.PostStruct"), "withAuthor", user), "withComments", List.of());
    assertThat(call(post, "author")).isSameAs(user);
    assertThat(call(post, "comments")).isEqualTo(List.of());
    assertThat(call(call(post, "withAuthor", (Object) null), "author")).isNull();
  }

  @Test
  void toStringRedactsAndShowsUnloadedSlots() throws Throwable {
    Object post = call(call(blog.newInstance("blog.PostStruct"), "withPassword", "secret"), "withTitle", "Hi");
    assertThat(post.toString())
        .startsWith("PostStruct[id=null, title=Hi, body=null, published=false, viewCount=0, ")
        .contains("password=**redacted**")
        .doesNotContain("secret")
        .endsWith("author=#NotLoaded<author>, comments=#NotLoaded<comments>, tags=#NotLoaded<tags>]");
    assertThat(call(post, "withComments", List.of()).toString()).contains("comments=[]");
  }

  @Test
  void notLoadedMarkerIsAnEmptyStruct() throws Throwable {
    Object marker = blog.constant("blog.UserStruct", "NOT_LOADED");
    assertThat(call(marker, "email")).isNull();
    assertThat(call(marker, "id")).isNull();
  }

  @Test
  void structKnowsItsSchema() {
    Struct<?> post = (Struct<?>) blog.newInstance("blog.PostStruct");
    assertThat(post.schema()).isSameAs(blog.constant("blog.Posts", "SCHEMA"));
  }

  @Test
  void builderStartsFromTheDefaultsAndSetsEachComponent() throws Throwable {
    Object builder = builder(blog, "blog.PostStruct");
    call(call(builder, "title", "Built"), "viewCount", 7);
    Object built = call(builder, "build");
    assertThat(call(built, "title")).isEqualTo("Built");
    assertThat(call(built, "viewCount")).isEqualTo(7);
    assertThat(call(built, "published")).isEqualTo(false);
    assertThat(built).isEqualTo(call(call(blog.newInstance("blog.PostStruct"), "withTitle", "Built"), "withViewCount", 7));

    call(builder, "title", "Changed after build");
    assertThat(call(built, "title")).as("a built struct is immutable").isEqualTo("Built");
  }

  /** The builder keeps its struct in a field named {@code struct}; a component of that name must not hide it. */
  @Test
  void builderSetsAComponentNamedStruct() throws Throwable {
    GeneratedClasses classes = new GeneratedClasses(Compile.schemas(Compile.schema("Part", """
        @Schema("parts")
        public interface Part {
          Long id();
          @Field String struct();
        }
        """)));
    Object built = call(call(builder(classes, "test.PartStruct"), "struct", "steel"), "build");
    assertThat(call(built, "struct")).isEqualTo("steel");
  }

  private static Object builder(GeneratedClasses classes, String struct) throws ReflectiveOperationException {
    return classes.load(struct).getMethod("builder").invoke(null);
  }

  @Test
  void interfaceDefaultMethodsWorkOnTheStruct() throws Throwable {
    Object post = call(blog.newInstance("blog.PostStruct"), "withTitle", "Hello World");
    assertThat(call(post, "slug")).isEqualTo("hello world");
  }
}
