package io.ecto4j.example.spring.web;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.example.blog.Blog;
import io.ecto4j.example.blog.PostStruct;
import io.ecto4j.example.blog.Posts;
import io.ecto4j.jackson.Params;
import io.ecto4j.multi.Changes;
import io.ecto4j.multi.MultiFailure;
import io.ecto4j.repo.Repo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Blog context over HTTP, a Phoenix JSON controller's shape: each action reads params, calls
 * one function of {@link Blog}, and renders the struct, or the changeset's errors as 422.
 */
@RestController
@RequestMapping("/posts")
class PostController {
  private static final int MAX_LIMIT = 100;

  private final Blog blog;
  private final Repo repo;

  PostController(Blog blog, Repo repo) {
    this.blog = blog;
    this.repo = repo;
  }

  /** The lesson's {@code list_posts/1}: every filter is optional, newest first unless {@code sort=oldest}. */
  @GetMapping
  List<PostStruct> list(@RequestParam(required = false) Boolean published,
      @RequestParam(required = false) Long authorId,
      @RequestParam(required = false) Blog.Sort sort,
      @RequestParam(required = false) Integer limit) {
    return blog.listPosts(new Blog.ListOptions(published, authorId, sort, checkedLimit(limit)));
  }

  /** A post with its comments; 404 when there is none, as Phoenix renders {@code Repo.get!}'s error. */
  @GetMapping("/{id}")
  PostStruct show(@PathVariable long id) {
    return repo.preload(repo.getOrThrow(Posts.SCHEMA, id), Posts.COMMENTS);
  }

  @PostMapping
  ResponseEntity<Object> create(@RequestBody Params params) {
    Result<PostStruct, Changeset<PostStruct>> result = blog.createPost(params.asMap());
    return Created.or422(result, post -> post, PostController::location, changeset -> changeset);
  }

  @PostMapping("/{id}/publish")
  PostStruct publish(@PathVariable long id) {
    return blog.publishPost(repo.getOrThrow(Posts.SCHEMA, id));
  }

  /**
   * A post and its first comment in one {@code Multi}: both or neither. The errors are keyed by the
   * step that failed, as the request keys its two parts, since a post and a comment both have a body.
   */
  @PostMapping("/with-comment")
  ResponseEntity<Object> createWithComment(@RequestBody PostWithComment request) {
    Result<Changes, MultiFailure> result = blog.createPostWithComment(request.postParams(), request.commentParams());
    return Created.or422(result,
        changes -> new PostWithComment.Inserted(changes.get(Blog.POST), changes.get(Blog.COMMENT)),
        changes -> location(changes.get(Blog.POST)),
        PostController::stepErrors);
  }

  /** The lesson's bonus: titles with their number of comments, most commented first. */
  @GetMapping("/top")
  List<Blog.PostCommentCount> top(@RequestParam(defaultValue = "5") int limit) {
    return blog.topPostsByCommentCount(checkedLimit(limit));
  }

  private static Integer checkedLimit(Integer limit) {
    if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    return limit;
  }

  private static URI location(PostStruct post) {
    return URI.create("/posts/" + post.id());
  }

  /**
   * {@code {"errors": {"comment": {"body": [...]}}}}, with the messages the Jackson module writes by
   * default; a failure that is not a changeset is not the client's.
   */
  private static Object stepErrors(MultiFailure failure) {
    if (failure.value() instanceof Changeset<?> changeset) {
      return Map.of("errors", Map.of(failure.step().name(), changeset.traverseErrors()));
    }
    throw new IllegalStateException("step " + failure.step().name() + " failed with " + failure.value());
  }
}
