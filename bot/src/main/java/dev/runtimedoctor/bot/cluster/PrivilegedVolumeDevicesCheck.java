package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.knowledge.entry.CheckSpec;
import dev.runtimedoctor.knowledge.entry.Entry;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.VolumeDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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
    List<Pod> pods = view.pods();
    List<String> evidence = new ArrayList<>();
    for (Pod pod : pods) {
      for (Container c : PodContainers.of(pod)) {
        boolean privileged =
            c.getSecurityContext() != null
                && Boolean.TRUE.equals(c.getSecurityContext().getPrivileged());
        if (privileged && c.getVolumeDevices() != null && !c.getVolumeDevices().isEmpty()) {
          String paths =
              c.getVolumeDevices().stream()
                  .map(VolumeDevice::getDevicePath)
                  .collect(Collectors.joining(", "));
          evidence.add(
              PodContainers.label(pod)
                  + " · container "
                  + c.getName()
                  + " · privileged · volumeDevices "
                  + paths);
        }
      }
    }
    if (evidence.isEmpty()) {
      return Finding.inconclusive(
          "no privileged container"
              + view.scope().describe()
              + " declares volumeDevices ("
              + pods.size()
              + " pods read)",
          List.of());
    }
    return Finding.confirmed(
        evidence.size()
            + (evidence.size() == 1
                ? " privileged container declares"
                : " privileged" + " containers declare")
            + " volumeDevices: containerd exposes every host device in /dev"
            + " instead of the devicePath, e.g. "
            + evidence.get(0),
        evidence);
  }
}
