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
   * Builds a {@link PostStruct}; see {@link #builder()}. Each setter replaces one component,
   * as the {@code with…} method of the same name does.
   */
  public static final class Builder {
    private PostStruct struct;

    private Builder(PostStruct struct) {
      this.struct = struct;
    }

    public Builder id(Long id) {
      this.struct = this.struct.withId(id);
      return this;
    }

    public Builder title(String title) {
      this.struct = this.struct.withTitle(title);
      return this;
    }

    public Builder body(String body) {
      this.struct = this.struct.withBody(body);
      return this;
    }

    public Builder published(boolean published) {
      this.struct = this.struct.withPublished(published);
      return this;
    }

    public Builder viewCount(int viewCount) {
      this.struct = this.struct.withViewCount(viewCount);
      return this;
    }

    public Builder publishedAt(Instant publishedAt) {
      this.struct = this.struct.withPublishedAt(publishedAt);
      return this;
    }

    public Builder password(String password) {
      this.struct = this.struct.withPassword(password);
      return this;
    }

    public Builder authorId(Long authorId) {
      this.struct = this.struct.withAuthorId(authorId);
      return this;
    }

    public Builder insertedAt(Instant insertedAt) {
      this.struct = this.struct.withInsertedAt(insertedAt);
      return this;
    }

    public Builder updatedAt(Instant updatedAt) {
      this.struct = this.struct.withUpdatedAt(updatedAt);
      return this;
    }

    public Builder author(UserStruct author) {
      this.struct = this.struct.withAuthor(author);
      return this;
    }

    public Builder comments(List<Comment> comments) {
      this.struct = this.struct.withComments(comments);
      return this;
    }

    public Builder tags(List<Tag> tags) {
      this.struct = this.struct.withTags(tags);
      return this;
    }

    public Builder meta(Meta meta) {
      this.struct = this.struct.withMeta(meta);
      return this;
    }

    /**
     * The post built.
     */
    public PostStruct build() {
      return this.struct;
    }
  }
}
