package io.ecto4j.example.blog;

import io.ecto4j.Result;
import io.ecto4j.changeset.AssocOption;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.multi.Changes;
import io.ecto4j.multi.Key;
import io.ecto4j.multi.Multi;
import io.ecto4j.multi.MultiFailure;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.OnConflict;
import io.ecto4j.query.Query;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.WriteOptions;
import io.ecto4j.schema.OnReplace;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Blog context of the lesson's exercise: its five functions and the bonus. */
public final class Blog {
  public static final Key<PostStruct> POST = Key.named("post");
  public static final Key<CommentStruct> COMMENT = Key.named("comment");

  /** How {@link #listPosts} sorts. */
  public enum Sort { NEWEST, OLDEST }

  /**
   * The options of {@link #listPosts}; null means "no filter" or "the default".
   *
   * @param published only published (true) or unpublished (false) posts
   * @param authorId only this author's posts
   * @param sort newest first by default
   * @param limit at most this many
   */
  public record ListOptions(Boolean published, Long authorId, Sort sort, Integer limit) {
    public static ListOptions all() {
      return new ListOptions(null, null, null, null);
    }
  }

  /** A post's title with its number of comments. */
  public record PostCommentCount(String title, long comments) {}

  private final Repo repo;
  private final Clock clock;

  public Blog(Repo repo, Clock clock) {
    this.repo = repo;
    this.clock = clock;
  }

  /** 1. Posts filtered, sorted and limited by small composable query functions. */
  public List<PostStruct> listPosts(ListOptions options) {
    Query<PostStruct> query = Posts.query();
    query = publishedFilter(query, options.published());
    query = authorFilter(query, options.authorId());
    query = sort(query, options.sort());
    query = limit(query, options.limit());
    return repo.all(query);
  }

  static Query<PostStruct> publishedFilter(Query<PostStruct> query, Boolean published) {
    return published == null ? query : query.where(Posts.PUBLISHED.eq(published));
  }

  static Query<PostStruct> authorFilter(Query<PostStruct> query, Long authorId) {
    return authorId == null ? query : query.where(Posts.AUTHOR_ID.eq(authorId));
  }

  static Query<PostStruct> sort(Query<PostStruct> query, Sort sort) {
    return sort == Sort.OLDEST
        ? query.orderBy(Posts.INSERTED_AT.asc(), Posts.ID.asc())
        : query.orderBy(Posts.INSERTED_AT.desc(), Posts.ID.desc());
  }

  static Query<PostStruct> limit(Query<PostStruct> query, Integer limit) {
    return limit == null ? query : query.limit(limit);
  }

  /** Creates a post from external attributes. */
  public Result<PostStruct, Changeset<PostStruct>> createPost(Map<String, ?> attrs) {
    return repo.insert(Post.changeset(new PostStruct(), attrs));
  }

  /** 2. Published, with the time of publication, in one UPDATE. */
  public PostStruct publishPost(PostStruct post) {
    return repo.updateOrThrow(Changeset.change(post)
        .putChange(Posts.PUBLISHED, true)
        .putChange(Posts.PUBLISHED_AT, Instant.now(clock)));
  }

  /** 3. A post and its first comment, atomically: an invalid comment leaves no post behind. */
  public Result<Changes, MultiFailure> createPostWithComment(Map<String, ?> postAttrs, Map<String, ?> commentAttrs) {
    Multi multi = Multi.create()
        .insert(POST, Post.changeset(new PostStruct(), postAttrs))
        .insert(COMMENT, changes -> {
          Map<String, Object> attrs = new HashMap<>(commentAttrs);
          attrs.put("postId", changes.get(POST).id());
          return Comment.changeset(new CommentStruct(), attrs);
        });
    return repo.transaction(multi);
  }

  /** 4. The bonus: the posts with the most comments, by join, group by and order by. */
  public List<PostCommentCount> topPostsByCommentCount(int count) {
    Aggregate<Long> comments = Aggregate.count(Comments.ID);
    return repo.all(Posts.query()
        .leftJoin(Posts.COMMENTS)
        .groupBy(Posts.ID)
        .orderBy(comments.desc(), Posts.TITLE.asc())
        .limit(count)
        .select(PostCommentCount::new, Posts.TITLE, comments));
  }

  /** 5. Posts with their author, their comments and each comment's user: three more statements, whatever the count. */
  public List<PostStruct> withAuthorsAndComments(List<PostStruct> posts) {
    return repo.preload(posts, Posts.AUTHOR, Posts.COMMENTS.then(Comments.USER));
  }

  /**
   * 6. The post's tags become exactly {@code names}, Ecto's tagging recipe: the missing tags are
   * inserted (a name another request just inserted is skipped, not an error), then
   * {@code putAssoc} links the new ones and unlinks the left-out ones through {@code posts_tags}.
   */
  public PostStruct setTags(PostStruct post, List<String> names) {
    List<TagStruct> wanted = new ArrayList<>();
    for (String name : names) {
      wanted.add(new TagStruct().withName(name));
    }
    repo.insertAll(Tags.SCHEMA, wanted, WriteOptions.defaults().onConflict(OnConflict.nothing()));
    List<TagStruct> tags = repo.all(Tags.query().where(Tags.NAME.in(names)));
    return repo.updateOrThrow(Changeset.change(repo.preload(post, Posts.TAGS))
        .putAssoc(Posts.TAGS, tags, AssocOption.onReplace(OnReplace.DELETE)));
  }
}
