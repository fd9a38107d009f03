package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.UserStruct;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ports the changeset half of Ecto's {@code schema_test.exs} "has_many through association" and
 * "has_one through association": a through association is not in the schema's {@code __changeset__},
 * so it cannot be cast or put; it is read-only, changed through its links. Issue #17.
 */
class ThroughChangesetConformanceTest {

  /** castAssoc and putAssoc refuse a through association before looking at its children. */
  @Test
  void aThroughAssociationCannotBeChanged() {
    Changeset<PostStruct> post = Changeset.change(new PostStruct().withComments(List.of()));
    String readOnly = "Posts.COMMENTERS is a through association (Posts.COMMENTS, then Comments.USER), which is "
        + "read-only; change the associations of its path instead";

    assertThatThrownBy(() -> post.castAssoc(Posts.COMMENTERS, (user, params) -> Changeset.change(user)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot castAssoc: " + readOnly);
    assertThatThrownBy(() -> post.putAssoc(Posts.COMMENTERS, List.of(new UserStruct())))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot putAssoc: " + readOnly);
    assertThatThrownBy(() -> post.putAssoc(Posts.COMMENTERS, Map.of("name", "x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot putAssoc: " + readOnly);
  }
}
