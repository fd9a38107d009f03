package io.ecto4j.it.changeset;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.Fetched;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.schemas.Users;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading and writing a changeset without a database. */
class ChangesetApiTest {
  private final PostStruct post = new PostStruct().withTitle("Hello").withBody("Body text").withViewCount(1);

  @Test
  void putChangeDropsNoOpsAndForceChangeKeepsThem() {
    Changeset<PostStruct> cs = Changeset.change(post).putChange(Posts.TITLE, "Hello");
    assertThat(cs.changes()).isEmpty();
    assertThat(cs.forceChange(Posts.TITLE, "Hello").changes()).containsEntry(Posts.TITLE, "Hello");
    Changeset<PostStruct> changed = cs.putChange(Posts.TITLE, "Hi").putChange(Posts.TITLE, "Hello");
    assertThat(changed.changes()).isEmpty();
  }

  @Test
  void changeWithAMapOfTypedFields() {
    Changeset<PostStruct> cs = Changeset.change(post, Map.of(Posts.TITLE, "New", Posts.VIEW_COUNT, 2));
    assertThat(cs.changes()).containsEntry(Posts.TITLE, "New").containsEntry(Posts.VIEW_COUNT, 2);
  }

  @Test
  void gettersLookAtChangesThenData() {
    Changeset<PostStruct> cs = Changeset.change(post).putChange(Posts.TITLE, "New");
    assertThat(cs.getChange(Posts.TITLE)).contains("New");
    assertThat(cs.getChange(Posts.BODY)).isEmpty();
    assertThat(cs.getField(Posts.BODY)).isEqualTo("Body text");
    assertThat(cs.fetchField(Posts.TITLE)).isEqualTo(new Fetched<>(Fetched.Source.CHANGES, "New"));
    assertThat(cs.fetchField(Posts.BODY)).isEqualTo(new Fetched<>(Fetched.Source.DATA, "Body text"));
    assertThat(cs.deleteChange(Posts.TITLE).hasChange(Posts.TITLE)).isFalse();
    assertThat(cs.updateChange(Posts.TITLE, String::toUpperCase).getChange(Posts.TITLE)).contains("NEW");
    assertThat(cs.data()).isSameAs(post);
  }

  @Test
  void applyChangesAndApplyAction() {
    Changeset<PostStruct> cs = Changeset.change(post).putChange(Posts.TITLE, "Applied");
    assertThat(cs.applyChanges().title()).isEqualTo("Applied");
    assertThat(cs.applyAction(Changeset.Action.INSERT)).isEqualTo(Result.ok(post.withTitle("Applied")));
    Result<PostStruct, Changeset<PostStruct>> invalid = cs.addError(Posts.TITLE, "bad").applyAction(Changeset.Action.VALIDATE);
    assertThat(invalid.isErr()).isTrue();
    assertThat(((Result.Err<PostStruct, Changeset<PostStruct>>) invalid).error().action()).contains(Changeset.Action.VALIDATE);
  }

  @Test
  void changesetsAreValues() {
    Changeset<PostStruct> a = Changeset.change(post).putChange(Posts.TITLE, "Same");
    Changeset<PostStruct> b = Changeset.change(post).putChange(Posts.TITLE, "Same");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.putChange(Posts.BODY, "Other")).isNotEqualTo(a);
    assertThat(a.changes()).hasSize(1);
  }

  @Test
  void aStepNeverChangesTheChangesetItStartedFrom() {
    Changeset<PostStruct> base = Changeset.cast(post, Map.of("title", "", "viewCount", "x"), Posts.TITLE,
        Posts.VIEW_COUNT).validateRequired(Posts.TITLE).uniqueConstraint(Posts.TITLE);
    String before = base.toString();
    int errors = base.errors().size();

    Changeset<PostStruct> later = base.putChange(Posts.BODY, "New").cast(Map.of("viewCount", "3"), Posts.VIEW_COUNT)
        .validateLength(Posts.BODY, io.ecto4j.changeset.Length.max(1)).validateRequired(Posts.BODY)
        .uniqueConstraint(Posts.BODY).prepareChanges(cs -> cs);

    assertThat(base).hasToString(before);
    assertThat(base.errors()).hasSize(errors);
    assertThat(base.changes()).doesNotContainKey(Posts.BODY);
    assertThat(base.constraints()).hasSize(1);
    assertThat(base.preparers()).isEmpty();
    assertThat(later.errors()).hasSizeGreaterThan(errors);
    assertThat(later.constraints()).hasSize(2);
    assertThat(later.changes()).containsKey(Posts.BODY);
  }

  @Test
  void toStringRedactsLikeEcto() {
    Changeset<UserStruct> cs = Changeset.change(new UserStruct()).putChange(Users.PASSWORD, "secret").putChange(Users.NAME, "Ada");
    assertThat(cs.toString())
        .isEqualTo("#Changeset<action: nil, changes: {password: **redacted**, name: Ada}, errors: [], data: User, valid?: true>");
  }
}
