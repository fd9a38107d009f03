package io.ecto4j.bench.impl;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.ecto4j.bench.Inputs;
import io.ecto4j.bench.model.CommentRow;
import io.ecto4j.bench.model.PostGraph;
import io.ecto4j.bench.model.PostRow;
import io.ecto4j.bench.model.PostWithComment;
import io.ecto4j.bench.model.TopPost;
import io.ecto4j.bench.model.UserRow;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep4;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** jOOQ 3.19 without code generation: typed DSL.table/field, records mapped into the same rows. */
public final class Jooq implements Workloads {
  private static final Table<Record> USERS = table(name("users"));
  private static final Field<Long> U_ID = field(name("users", "id"), SQLDataType.BIGINT);
  private static final Field<String> U_NAME = field(name("users", "name"), SQLDataType.VARCHAR);
  private static final Field<String> U_EMAIL = field(name("users", "email"), SQLDataType.VARCHAR);
  private static final Field<OffsetDateTime> U_INSERTED = field(name("users", "inserted_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
  private static final Field<OffsetDateTime> U_UPDATED = field(name("users", "updated_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

  private static final Table<Record> POSTS = table(name("posts"));
  private static final Field<Long> P_ID = field(name("posts", "id"), SQLDataType.BIGINT);
  private static final Field<String> P_TITLE = field(name("posts", "title"), SQLDataType.VARCHAR);
  private static final Field<String> P_BODY = field(name("posts", "body"), SQLDataType.CLOB);
  private static final Field<Boolean> P_PUBLISHED = field(name("posts", "published"), SQLDataType.BOOLEAN);
  private static final Field<Integer> P_VIEWS = field(name("posts", "view_count"), SQLDataType.INTEGER);
  private static final Field<Long> P_AUTHOR = field(name("posts", "author_id"), SQLDataType.BIGINT);
  private static final Field<OffsetDateTime> P_INSERTED = field(name("posts", "inserted_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
  private static final Field<OffsetDateTime> P_UPDATED = field(name("posts", "updated_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
  private static final List<Field<?>> POST_FIELDS =
      List.of(P_ID, P_TITLE, P_BODY, P_PUBLISHED, P_VIEWS, P_AUTHOR, P_INSERTED, P_UPDATED);

  private static final Table<Record> COMMENTS = table(name("comments"));
  private static final Field<Long> C_ID = field(name("comments", "id"), SQLDataType.BIGINT);
  private static final Field<String> C_BODY = field(name("comments", "body"), SQLDataType.CLOB);
  private static final Field<Long> C_POST = field(name("comments", "post_id"), SQLDataType.BIGINT);
  private static final Field<OffsetDateTime> C_INSERTED = field(name("comments", "inserted_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
  private static final Field<OffsetDateTime> C_UPDATED = field(name("comments", "updated_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
  private static final List<Field<?>> COMMENT_FIELDS = List.of(C_ID, C_BODY, C_POST, C_INSERTED, C_UPDATED);

  static {
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
  }

  private final DSLContext db;
  private final List<CommentRow> comments = Inputs.comments();

  public Jooq(DataSource pool) {
    this.db = DSL.using(pool, SQLDialect.POSTGRES);
  }

  @Override
  public PostRow getPost(long id) {
    Record r = db.select(POST_FIELDS).from(POSTS).where(P_ID.eq(id)).fetchOne();
    return r == null ? null : post(r);
  }

  @Override
  public List<PostRow> popularPosts() {
    return db.select(POST_FIELDS).from(POSTS)
        .where(P_PUBLISHED.eq(true).and(P_VIEWS.gt(Inputs.W2_MIN_VIEWS)))
        .orderBy(P_INSERTED.desc())
        .limit(Inputs.W2_LIMIT)
        .fetch(Jooq::post);
  }

  @Override
  public PostRow insertPost(long authorId) {
    return insertPost(db, Inputs.newPost(authorId));
  }

  private static PostRow insertPost(DSLContext db, PostRow p) {
    return post(db.insertInto(POSTS, P_TITLE, P_BODY, P_PUBLISHED, P_VIEWS, P_AUTHOR, P_INSERTED, P_UPDATED)
        .values(p.title(), p.body(), p.published(), p.viewCount(), p.authorId(), Jdbc.utc(p.insertedAt()),
            Jdbc.utc(p.updatedAt()))
        .returningResult(POST_FIELDS)
        .fetchOne());
  }

  @Override
  public long insertComments() {
    InsertValuesStep4<Record, String, Long, OffsetDateTime, OffsetDateTime> insert =
        db.insertInto(COMMENTS, C_BODY, C_POST, C_INSERTED, C_UPDATED);
    for (CommentRow c : comments) {
      insert = insert.values(c.body(), c.postId(), Jdbc.utc(c.insertedAt()), Jdbc.utc(c.updatedAt()));
    }
    return insert.execute();
  }

  @Override
  public List<PostGraph> postsWithAuthorsAndComments() {
    List<PostRow> posts = db.select(POST_FIELDS).from(POSTS).where(P_ID.le(Inputs.W5_POSTS)).orderBy(P_ID)
        .fetch(Jooq::post);
    Long[] authorIds = posts.stream().map(PostRow::authorId).distinct().toArray(Long[]::new);
    Map<Long, UserRow> authors = db.select(U_ID, U_NAME, U_EMAIL, U_INSERTED, U_UPDATED).from(USERS)
        .where(U_ID.eq(DSL.any(authorIds)))
        .fetch(r -> new UserRow(r.value1(), r.value2(), r.value3(), r.value4().toInstant(), r.value5().toInstant()))
        .stream().collect(Collectors.toMap(UserRow::id, u -> u));
    Long[] postIds = posts.stream().map(PostRow::id).toArray(Long[]::new);
    Map<Long, List<CommentRow>> comments = db.select(COMMENT_FIELDS).from(COMMENTS)
        .where(C_POST.eq(DSL.any(postIds))).orderBy(C_ID)
        .fetch(Jooq::comment)
        .stream().collect(Collectors.groupingBy(CommentRow::postId));
    List<PostGraph> graphs = new ArrayList<>(posts.size());
    for (PostRow p : posts) {
      graphs.add(new PostGraph(p, authors.get(p.authorId()), comments.getOrDefault(p.id(), List.of())));
    }
    return graphs;
  }

  @Override
  public List<TopPost> topPosts() {
    return db.select(P_ID, P_TITLE, count(C_ID)).from(POSTS).join(COMMENTS).on(C_POST.eq(P_ID))
        .groupBy(P_ID).orderBy(count(C_ID).desc(), P_ID).limit(Inputs.W6_LIMIT)
        .fetch(r -> new TopPost(r.value1(), r.value2(), r.value3()));
  }

  @Override
  public long bumpViews(long authorId) {
    return db.update(POSTS).set(P_VIEWS, P_VIEWS.plus(1))
        .where(P_AUTHOR.eq(authorId).and(P_PUBLISHED.eq(true))).execute();
  }

  @Override
  public PostWithComment postWithFirstComment(long authorId) {
    return db.transactionResult(tx -> {
      DSLContext t = tx.dsl();
      PostRow post = insertPost(t, Inputs.newPost(authorId));
      CommentRow c = Inputs.newComment(post.id());
      CommentRow comment = comment(t.insertInto(COMMENTS, C_BODY, C_POST, C_INSERTED, C_UPDATED)
          .values(c.body(), c.postId(), Jdbc.utc(c.insertedAt()), Jdbc.utc(c.updatedAt()))
          .returningResult(COMMENT_FIELDS).fetchOne());
      return new PostWithComment(post, comment);
    });
  }

  private static PostRow post(Record r) {
    return new PostRow(r.get(P_ID), r.get(P_TITLE), r.get(P_BODY), r.get(P_PUBLISHED), r.get(P_VIEWS),
        r.get(P_AUTHOR), r.get(P_INSERTED).toInstant(), r.get(P_UPDATED).toInstant());
  }

  private static CommentRow comment(Record r) {
    return new CommentRow(r.get(C_ID), r.get(C_BODY), r.get(C_POST), r.get(C_INSERTED).toInstant(),
        r.get(C_UPDATED).toInstant());
  }

  @Override
  public void close() {}
}
