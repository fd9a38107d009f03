package io.ecto4j.changeset;

import io.ecto4j.schema.OnReplace;
import java.util.Objects;

/**
 * Options of {@link Changeset#castAssoc} and {@link Changeset#putAssoc}: Ecto's {@code required:},
 * {@code on_replace:}, the messages, {@code sort_param:}, {@code drop_param:} and
 * {@code force_update_on_change:}.
 *
 * <pre>{@code
 * changeset.castAssoc(Posts.COMMENTS, Comment::changeset, AssocOption.required(), AssocOption.onReplace(OnReplace.DELETE));
 * }</pre>
 */
public final class AssocOption {
  final Boolean required;
  final OnReplace onReplace;
  final String requiredMessage;
  final String invalidMessage;
  final String sortParam;
  final String dropParam;
  final Boolean forceUpdateOnChange;

  private AssocOption(Boolean required, OnReplace onReplace, String requiredMessage, String invalidMessage) {
    this(required, onReplace, requiredMessage, invalidMessage, null, null, null);
  }

  private AssocOption(Boolean required, OnReplace onReplace, String requiredMessage, String invalidMessage,
      String sortParam, String dropParam, Boolean forceUpdateOnChange) {
    this.required = required;
    this.onReplace = onReplace;
    this.requiredMessage = requiredMessage;
    this.invalidMessage = invalidMessage;
    this.sortParam = sortParam;
    this.dropParam = dropParam;
    this.forceUpdateOnChange = forceUpdateOnChange;
  }

  /** The association must end up with a child: else {@code can't be blank}. */
  public static AssocOption required() {
    return new AssocOption(true, null, null, null);
  }

  /** What happens to replaced children; the association's declared {@code onReplace} by default. */
  public static AssocOption onReplace(OnReplace onReplace) {
    return new AssocOption(null, Objects.requireNonNull(onReplace, "onReplace"), null, null);
  }

  /** The message when a required association is empty. */
  public static AssocOption requiredMessage(String message) {
    return new AssocOption(null, null, Objects.requireNonNull(message, "message"), null);
  }

  /** The message when the params are not a map (to-one) or a list of maps (to-many). */
  public static AssocOption invalidMessage(String message) {
    return new AssocOption(null, null, null, Objects.requireNonNull(message, "message"));
  }

  /**
   * Ecto's {@code sort_param}: the param (of the parent) holding the indexes of a to-many's indexed
   * params in their new order; an index not in the params is a new, empty child. Indexes not listed
   * come after the listed ones, in index order.
   *
   * <pre>{@code
   * // {"comments": {"0": {...}, "1": {...}}, "comments_sort": ["1", "0", "2"]}: 1, then 0, then a new one
   * cs.castAssoc(Posts.COMMENTS, Comment::changeset, AssocOption.sortParam("comments_sort"));
   * }</pre>
   */
  public static AssocOption sortParam(String param) {
    return new AssocOption(null, null, null, null, Objects.requireNonNull(param, "param"), null, null);
  }

  /**
   * Ecto's {@code drop_param}: the param holding the indexes of a to-many's indexed params to leave
   * out; the loaded children they named meet {@code onReplace}.
   */
  public static AssocOption dropParam(String param) {
    return new AssocOption(null, null, null, null, null, Objects.requireNonNull(param, "param"), null);
  }

  /**
   * Ecto's {@code force_update_on_change}: whether a change {@code castAssoc} makes to the association
   * also runs the parent's update (touching its {@code updated_at}) when no field of the parent
   * changed. The association's declared {@code forceUpdateOnChange} (true unless declared otherwise,
   * as Ecto's default) when not given. {@code putAssoc} never forces the update, as in Ecto.
   *
   * <pre>{@code
   * // the post's updated_at stays as it is when only its comments change
   * cs.castAssoc(Posts.COMMENTS, Comment::changeset, AssocOption.forceUpdateOnChange(false));
   * }</pre>
   */
  public static AssocOption forceUpdateOnChange(boolean force) {
    return new AssocOption(null, null, null, null, null, null, force);
  }

  static AssocOption combine(AssocOption... options) {
    boolean required = false;
    OnReplace onReplace = null;
    String requiredMessage = "can't be blank";
    String invalidMessage = "is invalid";
    String sortParam = null;
    String dropParam = null;
    Boolean forceUpdateOnChange = null;
    for (AssocOption option : options) {
      forceUpdateOnChange = option.forceUpdateOnChange != null ? option.forceUpdateOnChange : forceUpdateOnChange;
      sortParam = option.sortParam != null ? option.sortParam : sortParam;
      dropParam = option.dropParam != null ? option.dropParam : dropParam;
      required = option.required != null ? option.required : required;
      onReplace = option.onReplace != null ? option.onReplace : onReplace;
      requiredMessage = option.requiredMessage != null ? option.requiredMessage : requiredMessage;
      invalidMessage = option.invalidMessage != null ? option.invalidMessage : invalidMessage;
    }
    return new AssocOption(required, onReplace, requiredMessage, invalidMessage, sortParam, dropParam,
        forceUpdateOnChange);
  }
}
