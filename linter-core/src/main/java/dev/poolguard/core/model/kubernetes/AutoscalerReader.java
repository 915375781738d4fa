package dev.poolguard.core.model.kubernetes;

import dev.poolguard.core.model.workload.Autoscaler;
import dev.poolguard.core.model.workload.Count;
import java.util.Optional;

/** Reads a HorizontalPodAutoscaler ({@code autoscaling/v1} and {@code v2} share these fields). */
final class AutoscalerReader {

  private AutoscalerReader() {}

  static Optional<Autoscaler> read(Fields doc, ObjectMeta meta) {
    Optional<Fields> spec = doc.map("spec");
    Optional<Fields> target = spec.flatMap(s -> s.map("scaleTargetRef"));
    Optional<String> kind = target.flatMap(t -> t.text("kind"));
    Optional<String> name = target.flatMap(t -> t.text("name"));
    if (spec.isEmpty() || kind.isEmpty() || name.isEmpty()) {
      doc.notes()
          .add(
              meta.position(),
              doc.context() + " has no spec.scaleTargetRef with kind and name; ignored");
      return Optional.empty();
    }
    Count min = CountReader.read(spec.get(), "minReplicas", 1, meta.position());
    Optional<Count> max = CountReader.readRequired(spec.get(), "maxReplicas", meta.position());
    if (max.isPresent() && max.get().value() < min.value()) {
      doc.notes()
          .add(
              max.get().position(),
              doc.context()
                  + " maxReplicas "
                  + max.get().value()
                  + " is below minReplicas "
                  + min.value()
                  + "; Kubernetes rejects it");
    }
    return Optional.of(
        new Autoscaler(
            meta.name(),
            meta.namespace(),
            meta.apiVersion(),
            kind.get(),
            name.get(),
            min,
            max,
            meta.position()));
  }
}
