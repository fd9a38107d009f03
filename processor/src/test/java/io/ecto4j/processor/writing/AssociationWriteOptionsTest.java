package io.ecto4j.processor.writing;

import static io.ecto4j.processor.Compile.schema;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.meta.Association;
import io.ecto4j.meta.ManyToManyAssociation;
import io.ecto4j.meta.Table;
import io.ecto4j.processor.Compile;
import io.ecto4j.processor.GeneratedClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The association options that steer writes reach the companion's association constants: Ecto's
 * {@code force_update_on_change} (true unless declared false), a many_to_many's {@code unique}, and
 * the join schema whose structs a many_to_many writes as its join rows.
 */
class AssociationWriteOptionsTest {
  private static GeneratedClasses compiled;

  @BeforeAll
  static void compile() {
    compiled = new GeneratedClasses(Compile.schemas(
        schema("Author", """
            @Schema("authors")
            public interface Author {
              @HasMany List<Post> posts();
              @HasMany(foreignKey = "author_id", forceUpdateOnChange = false) List<Post> quietPosts();
              @HasOne(forceUpdateOnChange = false) Profile profile();
              @ManyToMany(joinThrough = "authors_tags") List<Tag> tags();
              @ManyToMany(joinThrough = "authors_unique_tags", unique = true) List<Tag> uniqueTags();
              @ManyToMany(joinSchema = Tagging.class) List<Tag> taggedTags();
            }
            """),
        schema("Post", """
            @Schema("posts")
            public interface Post { @Field String title(); @BelongsTo(forceUpdateOnChange = false) Author author(); }
            """),
        schema("Profile", """
            @Schema("profiles")
            public interface Profile { @Field String name(); @BelongsTo Author author(); }
            """),
        schema("Tag", """
            @Schema("tags")
            public interface Tag { @Field String name(); }
            """),
        schema("Tagging", """
            @Schema(value = "taggings", primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
            @Timestamps
            public interface Tagging { @BelongsTo Author author(); @BelongsTo Tag tag(); }
            """)));
  }

  private static Association<?, ?> association(String companion, String constant) {
    return (Association<?, ?>) compiled.constant("test." + companion, constant);
  }

  @Test
  void forceUpdateOnChangeIsTrueUnlessDeclaredFalse() {
    assertThat(association("Authors", "POSTS").forcesUpdateOnChange()).isTrue();
    assertThat(association("Authors", "TAGS").forcesUpdateOnChange()).isTrue();
    assertThat(association("Authors", "QUIET_POSTS").forcesUpdateOnChange()).isFalse();
    assertThat(association("Authors", "PROFILE").forcesUpdateOnChange()).isFalse();
    assertThat(association("Posts", "AUTHOR").forcesUpdateOnChange()).isFalse();
  }

  @Test
  void uniqueIsAManyToManysOption() {
    assertThat(((ManyToManyAssociation<?, ?, ?, ?>) association("Authors", "UNIQUE_TAGS")).unique()).isTrue();
    assertThat(((ManyToManyAssociation<?, ?, ?, ?>) association("Authors", "TAGS")).unique()).isFalse();
  }

  @Test
  void aJoinSchemaIsTheAssociationsJoinRowSchema() {
    ManyToManyAssociation<?, ?, ?, ?> tagged = (ManyToManyAssociation<?, ?, ?, ?>) association("Authors", "TAGGED_TAGS");
    assertThat(tagged.joinSchema()).containsSame((Table<?>) compiled.constant("test.Taggings", "SCHEMA"));
    assertThat(tagged.joinTable()).contains("taggings");
    assertThat(((ManyToManyAssociation<?, ?, ?, ?>) association("Authors", "TAGS")).joinSchema()).isEmpty();
  }
}
