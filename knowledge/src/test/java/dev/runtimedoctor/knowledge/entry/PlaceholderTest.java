package dev.runtimedoctor.knowledge.entry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlaceholderTest {

  @Test
  @DisplayName("a placeholder is found by the name written between its brackets")
  void foundByLabel() {
    assertThat(Placeholder.byLabel("ip-range")).contains(Placeholder.IP_RANGE);
    assertThat(Placeholder.IP_RANGE.token()).isEqualTo("<ip-range>");
    assertThat(Placeholder.byLabel("ip_range")).isEmpty();
    assertThat(Placeholder.byLabel("<ip-range>")).isEmpty();
  }

  @Test
  @DisplayName("the labels are the names of every placeholder")
  void labelsNameEveryPlaceholder() {
    assertThat(Placeholder.labels())
        .hasSize(Placeholder.values().length)
        .contains("pod-uid", "image", "name", "json", "n");
  }

  @Test
  @DisplayName("a word of masked text is a placeholder when it opens with a bracket")
  void placeholderWordsOpenWithABracket() {
    assertThat(Placeholder.startsAt("range set: <ip-range>", 11)).isTrue();
    assertThat(Placeholder.startsAt("range set: <ip-range>", 6)).isFalse();
  }
}
