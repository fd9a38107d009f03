package blog;

import io.ecto4j.meta.Association;
import io.ecto4j.meta.BelongsToAssociation;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.FieldAccess;
import io.ecto4j.meta.HasAssociation;
import io.ecto4j.meta.ManyToManyAssociation;
import io.ecto4j.meta.NotLoaded;
import io.ecto4j.meta.NumberField;
import io.ecto4j.meta.SchemaTable;
import io.ecto4j.meta.TableDefinition;
import io.ecto4j.meta.Timestamps;
import io.ecto4j.query.Query;
import io.ecto4j.schema.ReferenceAction;
import io.ecto4j.type.Binds;
import io.ecto4j.type.Reads;
import io.ecto4j.type.Types;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * The companion of {@link Post}: table {@code posts} with its typed fields, associations, row mapper,
 * and SQL computed at compile time. {@link #SCHEMA} is the {@code Table} the repo works with.
 *
 * <pre>{@code
 * PostStruct post = repo.getOrThrow(Posts.SCHEMA, id);
 * }</pre>
 */
@Generated(
    value = "io.ecto4j.processor.SchemaProcessor",
    comments = "from blog.Post"
)
public final class Posts extends SchemaTable<PostStruct> implements FieldAccess<PostStruct> {
  /**
   * The table of {@link PostStruct}, for the repo and queries.
   */
  public static final Posts SCHEMA = new Posts();

  /**
   * The primary key {@code id}.
   */
  public static final NumberField<PostStruct, Long> ID =
      Field.<PostStruct, Long>numberAt(SCHEMA, "id", "id", Types.LONG, Field.Kind.PRIMARY_KEY,
          SCHEMA, 0).notNull().constant("Posts.ID");

  /**
   * {@code title()}: column {@code title}, {@code varchar(255)}.
   */
  public static final Field<PostStruct, String> TITLE =
      Field.<PostStruct, String>at(SCHEMA, "title", "title", Types.STRING, Field.Kind.COLUMN,
          SCHEMA, 1).constant("Posts.TITLE");

  /**
   * {@code body()}: column {@code body}, {@code text}.
   */
  public static final Field<PostStruct, String> BODY =
      Field.<PostStruct, String>at(SCHEMA, "body", "body", Types.TEXT, Field.Kind.COLUMN, SCHEMA,
          2).constant("Posts.BODY");

  /**
   * {@code published()}: column {@code published}, {@code boolean}.
   */
  public static final Field<PostStruct, Boolean> PUBLISHED =
      Field.<PostStruct, Boolean>at(SCHEMA, "published", "published", Types.BOOLEAN,
          Field.Kind.COLUMN, SCHEMA, 3).primitive().constant("Posts.PUBLISHED");

  /**
   * {@code viewCount()}: column {@code view_count}, {@code integer}.
   */
  public static final NumberField<PostStruct, Integer> VIEW_COUNT =
      Field.<PostStruct, Integer>numberAt(SCHEMA, "viewCount", "view_count", Types.INTEGER,
          Field.Kind.COLUMN, SCHEMA, 4).primitive().constant("Posts.VIEW_COUNT");

  /**
   * {@code publishedAt()}: column {@code published_at}, {@code timestamptz}.
   */
  public static final Field<PostStruct, Instant> PUBLISHED_AT =
      Field.<PostStruct, Instant>at(SCHEMA, "publishedAt", "published_at", Types.INSTANT,
          Field.Kind.COLUMN, SCHEMA, 5).constant("Posts.PUBLISHED_AT");

  /**
   * {@code password()}: a virtual field, kept in structs and changesets only.
   */
  public static final Field<PostStruct, String> PASSWORD =
      Field.<PostStruct, String>at(SCHEMA, "password", "password", Types.STRING, Field.Kind.VIRTUAL,
          SCHEMA, 6).redacted().constant("Posts.PASSWORD");

  /**
   * The foreign key {@code author_id}, referencing {@code users.id}.
   */
  public static final NumberField<PostStruct, Long> AUTHOR_ID =
      Field.<PostStruct, Long>numberAt(SCHEMA, "authorId", "author_id", Types.LONG,
          Field.Kind.FOREIGN_KEY, SCHEMA, 7).constant("Posts.AUTHOR_ID");

  /**
   * When the row was inserted: column {@code inserted_at}, set by the repo.
   */
  public static final Field<PostStruct, Instant> INSERTED_AT =
      Field.<PostStruct, Instant>at(SCHEMA, "insertedAt", "inserted_at", Types.INSTANT,
          Field.Kind.INSERTED_AT, SCHEMA, 8).notNull().constant("Posts.INSERTED_AT");

  /**
   * When the row was last updated: column {@code updated_at}, set by the repo.
   */
  public static final Field<PostStruct, Instant> UPDATED_AT =
      Field.<PostStruct, Instant>at(SCHEMA, "updatedAt", "updated_at", Types.INSTANT,
          Field.Kind.UPDATED_AT, SCHEMA, 9).notNull().constant("Posts.UPDATED_AT");

  /**
   * The {@code @BelongsTo author} association with {@link User}; load it with
   * {@code repo.preload(structOrList, Posts.AUTHOR)} or {@code query.preload(Posts.AUTHOR)}.
   */
  public static final BelongsToAssociation<PostStruct, UserStruct, Long> AUTHOR =
      Association.<PostStruct, UserStruct, Long>belongsTo(SCHEMA, "author", () -> Users.SCHEMA, AUTHOR_ID, () -> Users.ID)
          .constant("Posts.AUTHOR")
          .onDelete(ReferenceAction.NOTHING)
          .toOneSlot(SCHEMA, 10)
          .build();

  /**
   * The {@code @HasMany comments} association with {@link Comment}; load it with
   * {@code repo.preload(structOrList, Posts.COMMENTS)} or {@code query.preload(Posts.COMMENTS)}.
   */
  public static final HasAssociation<PostStruct, CommentStruct, Long> COMMENTS =
      Association.<PostStruct, CommentStruct, Long>hasMany(SCHEMA, "comments", () -> Comments.SCHEMA, ID, () -> Comments.POST_ID)
          .constant("Posts.COMMENTS")
          .toManySlot(SCHEMA, 11)
          .build();

  /**
   * The {@code @ManyToMany tags} association with {@link Tag}; load it with
   * {@code repo.preload(structOrList, Posts.TAGS)} or {@code query.preload(Posts.TAGS)}.
   */
  public static final ManyToManyAssociation<PostStruct, TagStruct, Long, UUID> TAGS =
      Association.<PostStruct, TagStruct, Long, UUID>manyToMany(SCHEMA, "tags", () -> Tags.SCHEMA, ID, () -> Tags.ID,
      "posts_tags", "post_id", "tag_id")
          .constant("Posts.TAGS")
          .onDelete(ReferenceAction.DELETE_ALL)
          .toManySlot(SCHEMA, 12)
          .build();

  /**
   * INSERT of insertFields() returning the key and the columns the database fills in.
   */
  public static final String INSERT_SQL =
      "INSERT INTO \"posts\" (\"title\", \"body\", \"published\", \"view_count\", \"published_at\", \"author_id\", \"inserted_at\", \"updated_at\") "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
      + "RETURNING \"id\"";

  /**
   * SELECT of one row by primary key; empty without primary key.
   */
  public static final String GET_SQL =
      "SELECT \"id\", \"title\", \"body\", \"published\", \"view_count\", \"published_at\", \"author_id\", \"inserted_at\", \"updated_at\" "
      + "FROM \"posts\" WHERE \"id\" = ?";

  /**
   * DELETE of one row by primary key, returning it; empty without primary key.
   */
  public static final String DELETE_SQL =
      "DELETE FROM \"posts\" "
      + "WHERE \"id\" = (SELECT \"id\" FROM \"posts\" WHERE \"id\" = ?) "
      + "RETURNING \"id\", \"title\", \"body\", \"published\", \"view_count\", \"published_at\", \"author_id\", \"inserted_at\", \"updated_at\"";

  /**
   * The CREATE TABLE statement of {@code posts}, with its indexes.
   */
  public static final String DDL = "CREATE TABLE \"posts\" (\n"
      + "  \"id\" bigserial PRIMARY KEY,\n"
      + "  \"title\" varchar(255),\n"
      + "  \"body\" text,\n"
      + "  \"published\" boolean NOT NULL DEFAULT false,\n"
      + "  \"view_count\" integer NOT NULL DEFAULT 0,\n"
      + "  \"published_at\" timestamptz,\n"
      + "  \"author_id\" bigint REFERENCES \"users\" (\"id\") ON DELETE NO ACTION,\n"
      + "  \"inserted_at\" timestamptz NOT NULL,\n"
      + "  \"updated_at\" timestamptz NOT NULL\n"
      + ");\n"
      + "CREATE INDEX \"posts_author_id_index\" ON \"posts\" (\"author_id\");";

  /**
   * The join tables of this schema's many-to-many associations; run once both sides exist.
   */
  public static final String JOIN_TABLES_DDL = "CREATE TABLE IF NOT EXISTS \"posts_tags\" (\n"
      + "  \"post_id\" bigint NOT NULL REFERENCES \"posts\" (\"id\") ON DELETE CASCADE,\n"
      + "  \"tag_id\" uuid NOT NULL REFERENCES \"tags\" (\"id\") ON DELETE CASCADE,\n"
      + "  PRIMARY KEY (\"post_id\", \"tag_id\")\n"
      + ");";

  /**
   * What {@link #SCHEMA} answers of its fields, key, associations and SQL; declared last, once they exist.
   */
  private static final TableDefinition<PostStruct> DEFINITION =
      TableDefinition.<PostStruct>of(SCHEMA)
          .fields(ID, TITLE, BODY, PUBLISHED, VIEW_COUNT, PUBLISHED_AT, AUTHOR_ID, INSERTED_AT,
              UPDATED_AT)
          .virtualFields(PASSWORD)
          .primaryKey(ID)
          .primaryKeyGeneratedByDatabase()
          .timestamps(Timestamps.<PostStruct>ofInstant(INSERTED_AT, UPDATED_AT))
          .associations(AUTHOR, COMMENTS, TAGS)
          .insertFields(TITLE, BODY, PUBLISHED, VIEW_COUNT, PUBLISHED_AT, AUTHOR_ID, INSERTED_AT,
              UPDATED_AT)
          .insertReturning(ID)
          .sql(INSERT_SQL, GET_SQL, DELETE_SQL)
          .ddl(DDL, JOIN_TABLES_DDL)
          .build();

  private Posts() {
    super("posts", "Post");
  }

  /**
   * Every post; compose with where, orderBy, limit.
   */
  public static Query<PostStruct> query() {
    return Query.from(SCHEMA);
  }

  @Override
  protected TableDefinition<PostStruct> definition() {
    return DEFINITION;
  }

  @Override
  public PostStruct newStruct() {
    return new PostStruct();
  }

  @Override
  public PostStruct fromRow(ResultSet row, int offset) throws SQLException {
    return new PostStruct(
        Reads.longOrNull(row, offset + 1),
        Reads.string(row, offset + 2),
        Reads.string(row, offset + 3),
        row.getBoolean(offset + 4),
        row.getInt(offset + 5),
        Reads.instant(row, offset + 6),
        null,
        Reads.longOrNull(row, offset + 7),
        Reads.instant(row, offset + 8),
        Reads.instant(row, offset + 9),
        UserStruct.NOT_LOADED,
        NotLoaded.list(),
        NotLoaded.list(),
        PostStruct.LOADED_META);
  }

  @Override
  public void bindInsert(PreparedStatement statement, PostStruct struct) throws SQLException {
    Binds.string(statement, 1, struct.title());
    Binds.string(statement, 2, struct.body());
    statement.setBoolean(3, struct.published());
    statement.setInt(4, struct.viewCount());
    Binds.instant(statement, 5, struct.publishedAt());
    Binds.longOrNull(statement, 6, struct.authorId());
    Binds.instant(statement, 7, struct.insertedAt());
    Binds.instant(statement, 8, struct.updatedAt());
  }

  /**
   * The value at {@code position}, for the field and association constants above.
   */
  @Override
  public Object value(PostStruct struct, int position) {
    return switch (position) {
      case 0 -> struct.id();
      case 1 -> struct.title();
      case 2 -> struct.body();
      case 3 -> struct.published();
      case 4 -> struct.viewCount();
      case 5 -> struct.publishedAt();
      case 6 -> struct.password();
      case 7 -> struct.authorId();
      case 8 -> struct.insertedAt();
      case 9 -> struct.updatedAt();
      case 10 -> struct.author();
      case 11 -> struct.comments();
      case 12 -> struct.tags();
      default -> throw FieldAccess.noField(struct.getClass(), position);
    };
  }

  /**
   * A copy with the value at {@code position} replaced, for the field and association constants above.
   */
  @Override
  @SuppressWarnings("unchecked")
  public PostStruct withValue(PostStruct struct, int position, Object value) {
    return switch (position) {
      case 0 -> struct.withId((Long) value);
      case 1 -> struct.withTitle((String) value);
      case 2 -> struct.withBody((String) value);
      case 3 -> struct.withPublished((Boolean) value);
      case 4 -> struct.withViewCount((Integer) value);
      case 5 -> struct.withPublishedAt((Instant) value);
      case 6 -> struct.withPassword((String) value);
      case 7 -> struct.withAuthorId((Long) value);
      case 8 -> struct.withInsertedAt((Instant) value);
      case 9 -> struct.withUpdatedAt((Instant) value);
      case 10 -> struct.withAuthor((UserStruct) value);
      case 11 -> struct.withComments((List<Comment>) value);
      case 12 -> struct.withTags((List<Tag>) value);
      default -> throw FieldAccess.noField(struct.getClass(), position);
    };
  }

  /**
   * Whether the association slot at {@code position} holds loaded data, for the associations above.
   */
  @Override
  public boolean isLoaded(PostStruct struct, int position) {
    return switch (position) {
      case 10 -> PostStruct.authorLoaded(struct);
      case 11 -> PostStruct.commentsLoaded(struct);
      case 12 -> PostStruct.tagsLoaded(struct);
      default -> throw FieldAccess.noField(struct.getClass(), position);
    };
  }
}
