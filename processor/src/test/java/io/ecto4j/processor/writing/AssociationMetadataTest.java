package io.ecto4j.processor.writing;

import static io.ecto4j.processor.Compile.schema;
import static io.ecto4j.processor.GeneratedClasses.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.meta.Association;
import io.ecto4j.meta.AssociationNotLoadedException;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.processor.Compile;
import io.ecto4j.processor.GeneratedClasses;
import io.ecto4j.schema.OnReplace;
import io.ecto4j.schema.ReferenceAction;
import io.ecto4j.type.Types;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ports of Ecto's {@code test/ecto/schema_test.exs} association reflection tests: what the companion
 * of a schema like Ecto's {@code AssocSchema} and {@code CustomAssocSchema} says of each association
 * (kind, cardinality, keys, on_delete, on_replace, related schema, the through path) and how its
 * struct shows a slot that is not loaded. Issue #17.
 */
class AssociationMetadataTest {
  private static GeneratedClasses compiled;

  @BeforeAll
  static void compile() {
    compiled = new GeneratedClasses(Compile.schemas(
        schema("AssocSchema", """
            @Schema("assocs")
            public interface AssocSchema {
              @HasMany List<Post> posts();
              @HasOne User author();
              @BelongsTo Comment comment();
              @HasMany(through = {"comment", "authors"}) List<User> commentAuthors();
              @HasOne(through = {"comment", "mainAuthor"}) User commentMainAuthor();
              @HasMany(onReplace = OnReplace.DELETE) List<Email> emails();
              @BelongsTo Reference reference();
            }
            """),
        schema("Post", """
            @Schema("posts")
            public interface Post { @Field String title(); @BelongsTo AssocSchema assocSchema(); }
            """),
        schema("Email", """
            @Schema("emails")
            public interface Email { @Field String address(); @BelongsTo AssocSchema assocSchema(); }
            """),
        schema("User", """
            @Schema("users")
            public interface User { @Field String name(); @BelongsTo AssocSchema assocSchema(); @BelongsTo Comment comment(); }
            """),
        schema("Comment", """
            @Schema("comments")
            public interface Comment { @Field String text(); @HasMany List<User> authors(); @HasOne User mainAuthor(); }
            """),
        schema("Reference", """
            @Schema(value = "references", primaryKey = @PrimaryKey(type = PrimaryKey.Type.UUID))
            public interface Reference { @Field String label(); }
            """),
        schema("CustomAssocSchema", """
            @Schema(value = "custom_assocs", primaryKey = @PrimaryKey(name = "pk"))
            public interface CustomAssocSchema {
              @HasMany(references = "pk", foreignKey = "fk") List<Child> posts();
              @HasOne(references = "pk", foreignKey = "fk") Child author();
              @BelongsTo(references = "pk", foreignKey = "fk") Permalink permalink1();
              @BelongsTo(references = "code") Permalink permalink2();
            }
            """),
        schema("Child", """
            @Schema("children")
            public interface Child { @BelongsTo(references = "pk", foreignKey = "fk") CustomAssocSchema owner(); }
            """),
        schema("Permalink", """
            @Schema(value = "permalinks", primaryKey = @PrimaryKey(name = "pk"))
            public interface Permalink { @Field String code(); }
            """)));
  }

  @SuppressWarnings("unchecked")
  private static Association<Object, Object> association(String companion, String constant) {
    return (Association<Object, Object>) compiled.constant("test." + companion, constant);
  }

  private static Table<?> table(String companion) {
    return (Table<?>) compiled.constant("test." + companion, "SCHEMA");
  }

  private static void assertKeys(Association<?, ?> association, Association.Kind kind, String ownerKey,
      String relatedKey, String related) {
    assertThat(association.kind()).isEqualTo(kind);
    assertThat(association.kind().isToOne()).isEqualTo(kind != Association.Kind.HAS_MANY); // Ecto's cardinality
    assertThat(association.ownerKey()).isEqualTo(ownerKey);
    assertThat(association.relatedKey()).isEqualTo(relatedKey);
    assertThat(association.related()).isSameAs(table(related));
    assertThat(association.owner()).isSameAs(table("AssocSchemas"));
  }

  private static void assertNotLoaded(String accessor, String constant) throws Throwable {
    Object struct = compiled.newInstance("test.AssocSchemaStruct");
    assertThat(struct.toString()).contains(accessor + "=#NotLoaded<" + accessor + ">");
    assertThatThrownBy(() -> call(struct, accessor)).isInstanceOf(AssociationNotLoadedException.class)
        .hasMessageStartingWith("AssocSchema." + accessor + " is not loaded")
        .hasMessageContaining("AssocSchemas." + constant);
  }

  /** Ports schema_test.exs "associations": the fields are the key and the foreign keys, never the associations. */
  @Test
  void associations() {
    assertThat(table("AssocSchemas").fields()).extracting(Field::name).containsExactly("id", "commentId", "referenceId");
    assertThat(table("AssocSchemas").associations()).extracting(Association::name).containsExactly(
        "posts", "author", "comment", "commentAuthors", "commentMainAuthor", "emails", "reference");
  }

  /** Ports schema_test.exs "has_many association". */
  @Test
  void hasManyAssociation() throws Throwable {
    Association<Object, Object> posts = association("AssocSchemas", "POSTS");
    assertKeys(posts, Association.Kind.HAS_MANY, "id", "assoc_schema_id", "Posts");
    assertThat(posts.onDelete()).isEqualTo(ReferenceAction.NOTHING);
    assertThat(posts.onReplace()).isEqualTo(OnReplace.RAISE);
    assertThat(posts.isThrough()).isFalse();
    assertNotLoaded("posts", "POSTS");
  }

  /** The has_many declared with on_replace: delete (Ecto's emails, declared over {source, schema} there). */
  @Test
  void hasManyWithOnReplace() {
    Association<Object, Object> emails = association("AssocSchemas", "EMAILS");
    assertKeys(emails, Association.Kind.HAS_MANY, "id", "assoc_schema_id", "Emails");
    assertThat(emails.onReplace()).isEqualTo(OnReplace.DELETE);
  }

  /** Ports schema_test.exs "has_many through association" and "has_one through association". */
  @Test
  void throughAssociations() throws Throwable {
    assertThrough("COMMENT_AUTHORS", Association.Kind.HAS_MANY, "AUTHORS");
    assertNotLoaded("commentAuthors", "COMMENT_AUTHORS");
    assertThrough("COMMENT_MAIN_AUTHOR", Association.Kind.HAS_ONE, "MAIN_AUTHOR");
    assertNotLoaded("commentMainAuthor", "COMMENT_MAIN_AUTHOR");
  }

  /** A through association of AssocSchema going through its comment, then the comment's {@code step}. */
  private static void assertThrough(String constant, Association.Kind kind, String step) {
    Association<Object, Object> through = association("AssocSchemas", constant);
    assertThat(through.isThrough()).isTrue();
    assertThat(through.kind()).isEqualTo(kind);
    assertThat(through.kind().isToOne()).isEqualTo(kind == Association.Kind.HAS_ONE);
    assertThat(through.throughPath()).containsExactly(association("AssocSchemas", "COMMENT"), association("Comments", step));
    assertThat(through.ownerKey()).isEqualTo("comment_id");
  }

  /** Ports schema_test.exs "has_one association". */
  @Test
  void hasOneAssociation() throws Throwable {
    Association<Object, Object> author = association("AssocSchemas", "AUTHOR");
    assertKeys(author, Association.Kind.HAS_ONE, "id", "assoc_schema_id", "Users");
    assertThat(author.onDelete()).isEqualTo(ReferenceAction.NOTHING);
    assertThat(author.onReplace()).isEqualTo(OnReplace.RAISE);
    assertNotLoaded("author", "AUTHOR");
  }

  /** Ports schema_test.exs "belongs_to association". */
  @Test
  void belongsToAssociation() throws Throwable {
    Association<Object, Object> comment = association("AssocSchemas", "COMMENT");
    assertKeys(comment, Association.Kind.BELONGS_TO, "comment_id", "id", "Comments");
    assertThat(comment.onReplace()).isEqualTo(OnReplace.RAISE);
    assertNotLoaded("comment", "COMMENT");
  }

  /** Ports schema_test.exs "belongs_to association via Ecto.ParameterizedType": the key takes the parent key's type. */
  @Test
  void belongsToAParentWithAnotherKeyType() throws Throwable {
    Association<Object, Object> reference = association("AssocSchemas", "REFERENCE");
    assertKeys(reference, Association.Kind.BELONGS_TO, "reference_id", "id", "References");
    assertThat(((Field<?, ?>) compiled.constant("test.AssocSchemas", "REFERENCE_ID")).type()).isSameAs(Types.UUID_TYPE);
    assertNotLoaded("reference", "REFERENCE");
  }

  /** Ports schema_test.exs "has_many options" and "has_one options": references and foreign_key. */
  @Test
  void hasOptions() {
    assertThat(association("CustomAssocSchemas", "POSTS").ownerKey()).isEqualTo("pk");
    assertThat(association("CustomAssocSchemas", "POSTS").relatedKey()).isEqualTo("fk");
    assertThat(association("CustomAssocSchemas", "AUTHOR").ownerKey()).isEqualTo("pk");
    assertThat(association("CustomAssocSchemas", "AUTHOR").relatedKey()).isEqualTo("fk");
  }

  /** Ports schema_test.exs "belongs_to options": the keys, and the foreign key typed as the referenced column. */
  @Test
  void belongsToOptions() {
    Association<Object, Object> permalink1 = association("CustomAssocSchemas", "PERMALINK1");
    assertThat(permalink1.ownerKey()).isEqualTo("fk");
    assertThat(permalink1.relatedKey()).isEqualTo("pk");
    Association<Object, Object> permalink2 = association("CustomAssocSchemas", "PERMALINK2");
    assertThat(permalink2.ownerKey()).isEqualTo("permalink2_id");
    assertThat(permalink2.relatedKey()).isEqualTo("code");
    assertThat(permalink1.ownerField().type()).isSameAs(Types.LONG);
    assertThat(permalink2.ownerField().type()).isSameAs(Types.STRING);
  }
}
