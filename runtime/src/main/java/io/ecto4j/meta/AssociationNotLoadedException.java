package io.ecto4j.meta;

/**
 * Reading an association slot that was not preloaded. ecto4j never loads lazily: the message names
 * the association and the preload call that loads it.
 */
public final class AssociationNotLoadedException extends IllegalStateException {
  private final String schema;
  private final String association;

  /**
   * @param schema the owning schema, e.g. {@code Post}
   * @param association the association, e.g. {@code comments}
   * @param constant the association constant, e.g. {@code Posts.COMMENTS}
   */
  public AssociationNotLoadedException(String schema, String association, String constant) {
    super(schema + "." + association + " is not loaded. ecto4j never loads associations lazily; "
        + "preload it first: repo.preload(structOrList, " + constant + "), "
        + "or preload it in the query: query.preload(" + constant + ")");
    this.schema = schema;
    this.association = association;
  }

  public String schema() {
    return schema;
  }

  public String association() {
    return association;
  }
}
