package io.ecto4j.changeset;

import io.ecto4j.schema.OnReplace;
import java.util.Objects;

/**
 * Options of {@link Changeset#castAssoc} and {@link Changeset#putAssoc}: Ecto's {@code required:},
 * {@code on_replace:} and the messages.
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

  private AssocOption(Boolean required, OnReplace onReplace, String requiredMessage, String invalidMessage) {
    this.required = required;
    this.onReplace = onReplace;
    this.requiredMessage = requiredMessage;
    this.invalidMessage = invalidMessage;
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

  static AssocOption combine(AssocOption... options) {
    boolean required = false;
    OnReplace onReplace = null;
    String requiredMessage = "can't be blank";
    String invalidMessage = "is invalid";
    for (AssocOption option : options) {
      required = option.required != null ? option.required : required;
      onReplace = option.onReplace != null ? option.onReplace : onReplace;
      requiredMessage = option.requiredMessage != null ? option.requiredMessage : requiredMessage;
      invalidMessage = option.invalidMessage != null ? option.invalidMessage : invalidMessage;
    }
    return new AssocOption(required, onReplace, requiredMessage, invalidMessage);
  }
}
