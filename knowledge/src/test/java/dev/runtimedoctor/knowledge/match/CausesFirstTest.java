package dev.runtimedoctor.knowledge.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.EntryLoader;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "The cause before the status", through the bundled entries' caused_by lists. */
class CausesFirstTest {
  private static KnowledgeBase kb;
  private static Matcher matcher;

  @BeforeAll
  static void build() {
    kb = new KnowledgeBase(EntryLoader.bundled());
    matcher = new Matcher(KnowledgeIndex.build(kb));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "oom-killed|crash-loop-backoff|    State:          Waiting\\n      Reason:       CrashLoopBackOff"
            + "\\n    Last State:     Terminated\\n      Reason:       OOMKilled\\n      Exit Code:    137",
        "oom-killed|crash-loop-backoff|api-5d8f7-x2x9q   0/1   CrashLoopBackOff   7 (2m ago)   20m"
            + "\\nLast State: Terminated, Reason: OOMKilled, Exit Code: 137"
      })
  @DisplayName("a status answered beside its cause comes after it, both still answered")
  void causeLeadsItsStatus(String cause, String status, String paste) {
    Diagnosis d = matcher.diagnose(paste.replace("\\n", "\n"));

    assertThat(d.confident().stream().map(m -> m.entry().id()).toList())
        .containsSubsequence(cause, status);
    assertThat(d.top()).hasValueSatisfying(m -> assertThat(m.entry().id()).isEqualTo(cause));
  }

  @Test
  @DisplayName("a status alone keeps its answer and its place")
  void statusAloneUnchanged() {
    Diagnosis d = matcher.diagnose("web-7d9f8b-x2k4p   0/1   CrashLoopBackOff   12 (3m ago)   41m");

    assertThat(d.top())
        .hasValueSatisfying(m -> assertThat(m.entry().id()).isEqualTo("crash-loop-backoff"));
  }

  @Test
  @DisplayName("every caused_by of the bundled entries names another bundled entry")
  void causedByNamesBundledEntries() {
    Set<String> ids = kb.entries().stream().map(Entry::id).collect(Collectors.toSet());
    List<String> named = kb.entries().stream().flatMap(e -> e.causedBy().stream()).toList();

    assertThat(named).isNotEmpty();
    assertThat(ids).containsAll(named);
  }
}
