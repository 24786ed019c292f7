package dev.runtimedoctor.knowledge.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {

  private static Entry sample(String id, String source) throws EntryException {
    return EntryParser.parse(source, SampleEntry.withId(id));
  }

  @Test
  @DisplayName("an extra entry with a bundled id replaces the bundled one in place")
  void bundledWithReplacesSameId() throws EntryException {
    List<String> bundledIds = EntryLoader.bundled().stream().map(Entry::id).toList();
    Entry mine = sample("pod-ip-exhaustion", "team/pod-ip-exhaustion.md");

    KnowledgeBase kb = KnowledgeBase.bundledWith(List.of(mine));

    assertThat(kb.size()).isEqualTo(bundledIds.size());
    assertThat(kb.ids()).containsExactlyElementsOf(bundledIds);
    assertThat(kb.get("pod-ip-exhaustion")).containsSame(mine);
    assertThat(kb.entries())
        .filteredOn(e -> e.id().equals("pod-ip-exhaustion"))
        .containsExactly(mine);
  }

  @Test
  @DisplayName("an extra entry with a new id is added after the bundled ones")
  void bundledWithAddsNewId() throws EntryException {
    int bundled = EntryLoader.bundled().size();
    Entry mine = sample("team-specific-issue", "team/team-specific-issue.md");

    KnowledgeBase kb = KnowledgeBase.bundledWith(List.of(mine));

    assertThat(kb.size()).isEqualTo(bundled + 1);
    assertThat(kb.entries().get(bundled)).isSameAs(mine);
  }

  @Test
  @DisplayName("a later entry with the same id replaces an earlier one; unknown ids are empty")
  void laterReplacesEarlier() throws EntryException {
    Entry first = sample("same-issue", "a.md");
    Entry second = sample("same-issue", "b.md");
    Entry other = sample("other-issue", "c.md");

    KnowledgeBase kb = new KnowledgeBase(List.of(first, other, second));

    assertThat(kb.ids()).containsExactly("same-issue", "other-issue");
    assertThat(kb.get("same-issue")).containsSame(second);
    assertThat(kb.get("no-such-issue")).isEmpty();
  }
}
