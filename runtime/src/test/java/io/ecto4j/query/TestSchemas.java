package io.ecto4j.query;

import io.ecto4j.meta.Association;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.meta.Timestamps;
import io.ecto4j.type.Types;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

/**
 * Hand-written schemas for rendering tests, shaped like the processor's companions: posts with
 * comments and tags (many-to-many through posts_tags). The runtime's tests cannot run the
 * processor, and rendering needs only names and types.
 */
final class TestSchemas {
  private TestSchemas() {}

  record Post(Long id, String title, Integer views, Long authorId, List<String> labels, String note) {
    Post withId(Long v) { return new Post(v, title, views, authorId, labels, note); }
    Post withTitle(String v) { return new Post(id, v, views, authorId, labels, note); }
    Post withViews(Integer v) { return new Post(id, title, v, authorId, labels, note); }
    Post withAuthorId(Long v) { return new Post(id, title, views, v, labels, note); }
    Post withLabels(List<String> v) { return new Post(id, title, views, authorId, v, note); }
    Post withNote(String v) { return new Post(id, title, views, authorId, labels, v); }
  }

  record Comment(Long id, Long postId, String body) {
    Comment withId(Long v) { return new Comment(v, postId, body); }
    Comment withPostId(Long v) { return new Comment(id, v, body); }
    Comment withBody(String v) { return new Comment(id, postId, v); }
  }

  record Tag(Long id, String name) {
    Tag withId(Long v) { return new Tag(v, name); }
    Tag withName(String v) { return new Tag(id, v); }
  }

  /** What the three tables share; only names, fields and keys matter for rendering. */
  abstract static class TestTable<S> implements Table<S> {
    private final String name;
    private final String schemaName;

    TestTable(String name, String schemaName) {
      this.name = name;
      this.schemaName = schemaName;
    }

    @Override public String name() { return name; }
    @Override public String schemaName() { return schemaName; }
    @Override public List<Field<S, ?>> virtualFields() { return List.of(); }
    @Override public Optional<Field<S, ?>> primaryKey() { return Optional.of(fields().get(0)); }
    @Override public boolean primaryKeyGeneratedByDatabase() { return true; }
    @Override public Optional<Timestamps<S>> timestamps() { return Optional.empty(); }
    @Override public List<Association<S, ?>> associations() { return List.of(); }
    @Override public List<Field<S, ?>> insertFields() { return fields().subList(1, fields().size()); }
    @Override public String insertSql() { return ""; }
    @Override public List<Field<S, ?>> insertReturning() { return List.of(fields().get(0)); }
    @Override public String getSql() { return ""; }
    @Override public String deleteSql() { return ""; }
    @Override public String ddl() { return ""; }
    @Override public String joinTablesDdl() { return ""; }
    @Override public S fromRow(ResultSet row, int offset) { throw new AssertionError("rendering tests read no rows"); }
  }

  static final class Posts extends TestTable<Post> {
    static final Posts SCHEMA = new Posts();
    static final Field<Post, Long> ID =
        Field.of(SCHEMA, "id", "id", Types.LONG, Field.Kind.PRIMARY_KEY, Post::id, Post::withId);
    static final Field<Post, String> TITLE =
        Field.of(SCHEMA, "title", "title", Types.STRING, Field.Kind.COLUMN, Post::title, Post::withTitle);
    static final Field<Post, Integer> VIEWS =
        Field.of(SCHEMA, "views", "view_count", Types.INTEGER, Field.Kind.COLUMN, Post::views, Post::withViews);
    static final Field<Post, Long> AUTHOR_ID =
        Field.of(SCHEMA, "authorId", "author_id", Types.LONG, Field.Kind.FOREIGN_KEY, Post::authorId, Post::withAuthorId);
    static final Field<Post, List<String>> LABELS = Field.of(SCHEMA, "labels", "labels", Types.list(Types.STRING),
        Field.Kind.COLUMN, Post::labels, Post::withLabels);
    static final Field<Post, String> NOTE =
        Field.of(SCHEMA, "note", "note", Types.STRING, Field.Kind.VIRTUAL, Post::note, Post::withNote);
    static final Association<Post, Comment> COMMENTS =
        Association.<Post, Comment, Long>hasMany(SCHEMA, "comments", () -> Comments.SCHEMA, ID, () -> Comments.POST_ID)
            .constant("Posts.COMMENTS").slot(p -> false, p -> null, (p, c) -> p).build();
    static final Association<Post, Tag> TAGS =
        Association.<Post, Tag, Long, Long>manyToMany(SCHEMA, "tags", () -> Tags.SCHEMA, ID, () -> Tags.ID,
                "posts_tags", "post_id", "tag_id")
            .constant("Posts.TAGS").slot(p -> false, p -> null, (p, c) -> p).build();
    /** The posts of this post's comments (itself), a has_many through comments then post. */
    static final Association<Post, Post> COMMENT_POSTS =
        Association.<Post, Post>through(SCHEMA, "commentPosts", () -> Posts.SCHEMA, true,
                () -> List.of(COMMENTS, Comments.POST))
            .constant("Posts.COMMENT_POSTS").slot(p -> false, p -> null, (p, c) -> p).build();
    /** A through-through association that ends in a many-to-many: comment_posts, then tags. */
    static final Association<Post, Tag> COMMENT_POST_TAGS =
        Association.<Post, Tag>through(SCHEMA, "commentPostTags", () -> Tags.SCHEMA, true,
                () -> List.of(COMMENT_POSTS, TAGS))
            .constant("Posts.COMMENT_POST_TAGS").slot(p -> false, p -> null, (p, c) -> p).build();

    private Posts() {
      super("posts", "Post");
    }

    @Override public List<Field<Post, ?>> fields() { return List.of(ID, TITLE, VIEWS, AUTHOR_ID, LABELS); }
    @Override public List<Field<Post, ?>> virtualFields() { return List.of(NOTE); }
    @Override public Post newStruct() { return new Post(null, null, 0, null, null, null); }
  }

  static final class Comments extends TestTable<Comment> {
    static final Comments SCHEMA = new Comments();
    static final Field<Comment, Long> ID =
        Field.of(SCHEMA, "id", "id", Types.LONG, Field.Kind.PRIMARY_KEY, Comment::id, Comment::withId);
    static final Field<Comment, Long> POST_ID =
        Field.of(SCHEMA, "postId", "post_id", Types.LONG, Field.Kind.FOREIGN_KEY, Comment::postId, Comment::withPostId);
    static final Field<Comment, String> BODY =
        Field.of(SCHEMA, "body", "body", Types.TEXT, Field.Kind.COLUMN, Comment::body, Comment::withBody);
    static final Association<Comment, Post> POST =
        Association.<Comment, Post, Long>belongsTo(SCHEMA, "post", () -> Posts.SCHEMA, POST_ID, () -> Posts.ID)
            .constant("Comments.POST").slot(c -> false, c -> null, (c, p) -> c).build();

    private Comments() {
      super("comments", "Comment");
    }

    @Override public List<Field<Comment, ?>> fields() { return List.of(ID, POST_ID, BODY); }
    @Override public Comment newStruct() { return new Comment(null, null, null); }
  }

  static final class Tags extends TestTable<Tag> {
    static final Tags SCHEMA = new Tags();
    static final Field<Tag, Long> ID = Field.of(SCHEMA, "id", "id", Types.LONG, Field.Kind.PRIMARY_KEY, Tag::id, Tag::withId);
    static final Field<Tag, String> NAME =
        Field.of(SCHEMA, "name", "name", Types.STRING, Field.Kind.COLUMN, Tag::name, Tag::withName);

    private Tags() {
      super("tags", "Tag");
    }

    @Override public List<Field<Tag, ?>> fields() { return List.of(ID, NAME); }
    @Override public Tag newStruct() { return new Tag(null, null); }
  }
}
