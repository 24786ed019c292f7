package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.knowledge.entry.CheckSpec;
import dev.runtimedoctor.knowledge.entry.Entry;

/**
 * One kind of cluster check, named by the {@code type} an entry's {@code checks} front matter gives
 * it. Implementations read only through the {@link ClusterView} and let its {@link
 * ClusterAccessException} escape: the runner turns it into {@code unavailable}.
 */
interface ClusterCheck {

  /** The front-matter type, e.g. {@code node-version}. */
  String type();

  /** Runs the check for {@code entry} with the parameters of {@code spec}. */
  Finding run(Entry entry, CheckSpec spec, ClusterView view);
}
