package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.bot.text.Msg;
import dev.runtimedoctor.knowledge.entry.CheckSpec;
import dev.runtimedoctor.knowledge.entry.Entry;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code privileged-volume-devices}: a privileged container that declares {@code volumeDevices}.
 * containerd ignores the {@code devicePath} mapping for privileged containers and exposes every
 * host device in {@code /dev} instead.
 */
final class PrivilegedVolumeDevicesCheck implements ClusterCheck {

  @Override
  public String type() {
    return "privileged-volume-devices";
  }

  @Override
  public Finding run(Entry entry, CheckSpec spec, ClusterView view) {
    List<PodFacts> pods = view.pods();
    List<String> evidence = new ArrayList<>();
    for (PodFacts pod : pods) {
      for (String devices : pod.privilegedDevices()) {
        int dot = devices.indexOf(" · ");
        evidence.add(
            pod.label()
                + " · container "
                + devices.substring(0, dot)
                + " · privileged · volumeDevices "
                + devices.substring(dot + 3));
      }
    }
    if (evidence.isEmpty()) {
      return Finding.inconclusive(
          Message.of(Msg.PV_NONE, view.scope().describe(), pods.size()), List.of());
    }
    return Finding.confirmed(
        Message.of(
            evidence.size() == 1 ? Msg.PV_ONE : Msg.PV_MANY, evidence.size(), evidence.get(0)),
        evidence);
  }
}
