package blog;

import io.ecto4j.meta.AssociationNotLoadedException;
import io.ecto4j.meta.Meta;
import io.ecto4j.meta.NotLoaded;
import io.ecto4j.meta.Struct;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The struct of {@link Post}: a row of {@code posts} as an immutable value, like Ecto's {@code %Post{}}.
 *
 * <p>{@code new PostStruct()} has the declared defaults; the {@code with…} methods return copies.
 * Association slots hold data only once preloaded; reading one before throws
 * {@link AssociationNotLoadedException}. Its table is described by {@link Posts}.
 */
@Generated(
    value = "io.ecto4j.processor.SchemaProcessor",
    comments = "from blog.Post"
)
public record PostStruct(Long id, String title, String body, boolean published, int viewCount,
    Instant publishedAt, String password, Long authorId, Instant insertedAt, Instant updatedAt,
    UserStruct author, List<Comment> comments, List<Tag> tags,
    Meta meta) implements Post, Struct<PostStruct> {
  /**
   * The metadata of a built post, in the schema's own prefix.
   */
  static final Meta BUILT_META = Meta.built("posts", null);

  /**
   * The metadata of a loaded post, in the schema's own prefix.
   */
  static final Meta LOADED_META = Meta.loaded("posts", null);

  /**
   * Marks a slot pointing at a Post that was not preloaded; compared by identity only.
   */
  public static final PostStruct NOT_LOADED = new PostStruct(null, null, null, false, 0, null, null,
      null, null, null, null, null, null, BUILT_META);

  /**
   * A new post with the declared defaults and no association loaded, like Ecto's {@code %Post{}}.
   */
  public PostStruct() {
    this(null, null, null, false, 0, null, null, null, null, null, UserStruct.NOT_LOADED,
        NotLoaded.list(), NotLoaded.list(), BUILT_META);
  }

  /**
   * A built post of these values, Ecto's {@code %Post{…}}: its {@link #meta()} is built, in the schema's prefix.
   */
  public PostStruct(Long id, String title, String body, boolean published, int viewCount,
      Instant publishedAt, String password, Long authorId, Instant insertedAt, Instant updatedAt,
      UserStruct author, List<Comment> comments, List<Tag> tags) {
    this(id, title, body, published, viewCount, publishedAt, password, authorId, insertedAt,
        updatedAt, author, comments, tags, BUILT_META);
  }

  @Override
  public UserStruct author() {
    if (author == UserStruct.NOT_LOADED) {
      throw new AssociationNotLoadedException("Post", "author", "Posts.AUTHOR");
    }
    return author;
  }

  @Override
  public List<Comment> comments() {
    if (NotLoaded.isNotLoaded(comments)) {
      throw new AssociationNotLoadedException("Post", "comments", "Posts.COMMENTS");
    }
    return comments;
  }

  @Override
  public List<Tag> tags() {
    if (NotLoaded.isNotLoaded(tags)) {
      throw new AssociationNotLoadedException("Post", "tags", "Posts.TAGS");
    }
    return tags;
  }

  /**
   * Whether the {@code author} slot holds loaded data; {@link Posts#AUTHOR} asks it through {@code isLoaded}.
   */
  static boolean authorLoaded(PostStruct post) {
    return post.author != UserStruct.NOT_LOADED;
  }

  /**
   * Whether the {@code comments} slot holds loaded data; {@link Posts#COMMENTS} asks it through {@code isLoaded}.
   */
  static boolean commentsLoaded(PostStruct post) {
    return !NotLoaded.isNotLoaded(post.comments);
  }

  /**
   * Whether the {@code tags} slot holds loaded data; {@link Posts#TAGS} asks it through {@code isLoaded}.
   */
  static boolean tagsLoaded(PostStruct post) {
    return !NotLoaded.isNotLoaded(post.tags);
  }

  @Override
  public Posts schema() {
    return Posts.SCHEMA;
  }

  /**
   * A copy of this post with {@code id} replaced.
   */
  public PostStruct withId(Long id) {
    return new PostStruct(id, title, body, published, viewCount, publishedAt, password, authorId,
        insertedAt, updatedAt, author, comments, tags, meta);
  }

  /**
   * A copy of this post with {@code title} replaced.
   */
  public PostStruct withTitle(String title) {
    return new PostStruct(id, title, body, published, viewCount, publishedAt, password, authorId,
        insertedAt, updatedAt, author, comments, tags, meta);
  }

  /**
   * A copy of this post with {@code body} replaced.
   */
  public PostStruct withBody(String body) {
    return new PostStruct(id, title, body, published, viewCount, publishedAt, password, authorId,
        insertedAt, updatedAt, author, comments, tags, meta);
  }

  /**
   * A copy of this post with {@code published} replaced.
   */
  public PostStruct withPublished(boolean published) {
    return new PostStruct(id, title, body, published, viewCount, publishedAt, password, authorId,
        insertedAt, updatedAt, author, comments, tags, meta);
  }

  /**
   * A copy of this post with {@code viewCount} replaced.
   */
  public PostStruct withViewCount(int viewCount) {
    return new PostStruct(id, title, body, published, viewCount, publishedAt, password, authorId,
        insertedAt, updatedAt, author, comments, tags, meta);
  }

  /**
   * A copy of this post with {@code publishedAt} replaced.
   */
  public PostStruct withPublishedAt(Instant publishedAt) {
    return new PostStruct(id, title, body, published, viewCount, publishedAt, password, authorId,
        insertedAt, updatedAt, author, comments, tags, meta);
  }

  /**
   * A copy of this post with {@code password} replaced.
   */
  public PostStruct withPassword(String password) {
    return new PostStruct(id, title, body, published, viewCount, publishedAt, password, authorId,
        insertedAt, updatedAt, author, comments, tags, meta);
  }

  /**
   * A copy of this post with {@code authorId} replaced.
   */
  public PostStruct withAuthorId(Long authorId) {
    return new PostStruct(id, title, body, published, viewCount, publishedAt, password, authorId,
        insertedAt, updatedAt, author, comments, tags, meta);
  }

  /**
   * A copy of this post with {@code insertedAt} replaced.
   */
  public PostStruct withInsertedAt(Instant insertedAt) {
    return new PostStruct(id, title, body, published, viewCount, publishedAt, password, authorId,
        insertedAt, updatedAt, author, comments, tags, meta);
  }

  /**
   * A copy of this post with {@code updatedAt} replaced.
   */
  public PostStruct withUpdatedAt(Instant updatedAt) {
    return new PostStruct(id, title, body, published, viewCount, publishedAt, password, authorId,
        insertedAt, updatedAt, author, comments, tags, meta);
  }

  /**
   * A copy of this post with {@code author} replaced.
   */
  public PostStruct withAuthor(UserStruct author) {
    return new PostStruct(id, title, body, published, viewCount, publishedAt, password, authorId,
        insertedAt, updatedAt, author, comments, tags, meta);
  }

  /**
   * A copy of this post with {@code comments} replaced.
   */
  public PostStruct withComments(List<Comment> comments) {
    return new PostStruct(id, title, body, published, viewCount, publishedAt, password, authorId,
        insertedAt, updatedAt, author, comments, tags, meta);
  }

  /**
   * A copy of this post with {@code tags} replaced.
   */
  public PostStruct withTags(List<Tag> tags) {
    return new PostStruct(id, title, body, published, viewCount, publishedAt, password, authorId,
        insertedAt, updatedAt, author, comments, tags, meta);
  }

  /**
   * A copy of this post with {@code meta} replaced.
   */
  public PostStruct withMeta(Meta meta) {
    return new PostStruct(id, title, body, published, viewCount, publishedAt, password, authorId,
        insertedAt, updatedAt, author, comments, tags, meta);
  }

  /**
   * A builder starting from the declared defaults, for a post in one expression:
   * {@code PostStruct.builder().title(…).body(…).build()}.
   */
  public static Builder builder() {
    return new Builder(new PostStruct());
  }

  @Override
  public String toString() {
    return "PostStruct[id=" + id
        + ", title=" + title
        + ", body=" + body
        + ", published=" + published
        + ", viewCount=" + viewCount
        + ", publishedAt=" + publishedAt
        + ", password=**redacted**"
        + ", authorId=" + authorId
        + ", insertedAt=" + insertedAt
        + ", updatedAt=" + updatedAt
        + ", author=" + (author == UserStruct.NOT_LOADED ? "#NotLoaded<author>" : author)
        + ", comments=" + (NotLoaded.isNotLoaded(comments) ? "#NotLoaded<comments>" : comments)
        + ", tags=" + (NotLoaded.isNotLoaded(tags) ? "#NotLoaded<tags>" : tags)
        + "]";
  }

  /**
   * Equal to another PostStruct with the same values, whatever either's {@link #meta()}.
   */
  @Override
  public boolean equals(Object other) {
    return other == this || other instanceof PostStruct that
        && Objects.equals(id, that.id)
        && Objects.equals(title, that.title)
        && Objects.equals(body, that.body)
        && published == that.published
        && viewCount == that.viewCount
        && Objects.equals(publishedAt, that.publishedAt)
        && Objects.equals(password, that.password)
        && Objects.equals(authorId, that.authorId)
        && Objects.equals(insertedAt, that.insertedAt)
        && Objects.equals(updatedAt, that.updatedAt)
        && Objects.equals(author, that.author)
        && Objects.equals(comments, that.comments)
        && Objects.equals(tags, that.tags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, title, body, published, viewCount, publishedAt, password, authorId,
        insertedAt, updatedAt, author, comments, tags);
  }

  /**
   * Builds a {@link PostStruct}; see {@link #builder()}.
   */
  public static final class Builder {
    private Long id;

    private String title;

    private String body;

    private boolean published;

    private int viewCount;

    private Instant publishedAt;

    private String password;

    private Long authorId;

    private Instant insertedAt;

    private Instant updatedAt;

    private UserStruct author;

    private List<Comment> comments;

    private List<Tag> tags;

    private Meta meta;

    private Builder(PostStruct from) {
      this.id = from.id;
      this.title = from.title;
      this.body = from.body;
      this.published = from.published;
      this.viewCount = from.viewCount;
      this.publishedAt = from.publishedAt;
      this.password = from.password;
      this.authorId = from.authorId;
      this.insertedAt = from.insertedAt;
      this.updatedAt = from.updatedAt;
      this.author = from.author;
      this.comments = from.comments;
      this.tags = from.tags;
      this.meta = from.meta;
    }

    /**
     * Sets {@code id}.
     */
    public Builder id(Long id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@code title}.
     */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /**
     * Sets {@code body}.
     */
    public Builder body(String body) {
      this.body = body;
      return this;
    }

    /**
     * Sets {@code published}.
     */
    public Builder published(boolean published) {
      this.published = published;
      return this;
    }

    /**
     * Sets {@code viewCount}.
     */
    public Builder viewCount(int viewCount) {
      this.viewCount = viewCount;
      return this;
    }

    /**
     * Sets {@code publishedAt}.
     */
    public Builder publishedAt(Instant publishedAt) {
      this.publishedAt = publishedAt;
      return this;
    }

    /**
     * Sets {@code password}.
     */
    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /**
     * Sets {@code authorId}.
     */
    public Builder authorId(Long authorId) {
      this.authorId = authorId;
      return this;
    }

    /**
     * Sets {@code insertedAt}.
     */
    public Builder insertedAt(Instant insertedAt) {
      this.insertedAt = insertedAt;
      return this;
    }

    /**
     * Sets {@code updatedAt}.
     */
    public Builder updatedAt(Instant updatedAt) {
      this.updatedAt = updatedAt;
      return this;
    }

    /**
     * Sets {@code author}.
     */
    public Builder author(UserStruct author) {
      this.author = author;
      return this;
    }

    /**
     * Sets {@code comments}.
     */
    public Builder comments(List<Comment> comments) {
      this.comments = comments;
      return this;
    }

    /**
     * Sets {@code tags}.
     */
    public Builder tags(List<Tag> tags) {
      this.tags = tags;
      return this;
    }

    /**
     * Sets {@code meta}.
     */
    public Builder meta(Meta meta) {
      this.meta = meta;
      return this;
    }

    /**
     * The post built.
     */
    public PostStruct build() {
      return new PostStruct(id, title, body, published, viewCount, publishedAt, password, authorId,
          insertedAt, updatedAt, author, comments, tags, meta);
    }
  }
}
