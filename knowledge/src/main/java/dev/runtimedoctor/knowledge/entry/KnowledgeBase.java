package dev.runtimedoctor.knowledge.entry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The entries the bot knows, by id, in a stable order. */
public final class KnowledgeBase {
  private final Map<String, Entry> byId;

  /**
   * A knowledge base of {@code entries}; a later entry with the same id replaces an earlier one.
   */
  public KnowledgeBase(Collection<Entry> entries) {
    Map<String, Entry> m = new LinkedHashMap<>();
    for (Entry e : entries) {
      m.put(e.id(), e);
    }
    this.byId = m;
  }

  /** Every bundled pack's entries, replaced or extended by {@code extra} (same id replaces). */
  public static KnowledgeBase bundledWith(List<Entry> extra) {
    return bundledWith(EntryLoader.PACKS, extra);
  }

  /**
   * The entries of the bundled {@code packs}, replaced or extended by {@code extra} (same id
   * replaces).
   *
   * @throws IllegalArgumentException when a pack is not one of {@link EntryLoader#PACKS}
   */
  public static KnowledgeBase bundledWith(Collection<String> packs, List<Entry> extra) {
    List<Entry> all = new ArrayList<>(EntryLoader.bundled(packs));
    all.addAll(extra);
    return new KnowledgeBase(all);
  }

  /** Every entry, bundled order first. */
  public List<Entry> entries() {
    return List.copyOf(byId.values());
  }

  /** The entry with {@code id}. */
  public Optional<Entry> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The ids, for suggestions. */
  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }

  public int size() {
    return byId.size();
  }
}
