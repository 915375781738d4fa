package dev.poolguard.oracle;

import dev.poolguard.core.model.DeploymentModel;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.Service;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Compares poolguard's model of one service with what the real framework builds. */
final class Oracle {

  private Oracle() {}

  /** The outcome of one comparison. */
  record Verdict(boolean agrees, Optional<String> skipped, String report) {
    static Verdict skip(String why) {
      return new Verdict(true, Optional.of(why), why);
    }
  }

  static Verdict spring(Path dir, String serviceName, SpringRun run, String caseText) {
    return spring(dir, serviceName, run, caseText, UnaryOperator.identity());
  }

  /**
   * @param mutation applied to poolguard's answer before comparing: identity in the oracle, a
   *     deliberate error in the test of the oracle itself
   */
  static Verdict spring(
      Path dir,
      String serviceName,
      SpringRun run,
      String caseText,
      UnaryOperator<PoolAnswer> mutation) {
    DeploymentModel model = PoolguardSide.model(dir);
    Optional<Service> service =
        model.services().stream()
            .filter(s -> s.framework() == Framework.SPRING && s.name().equals(serviceName))
            .findFirst();
    if (service.isEmpty()) {
      return new Verdict(
          false,
          Optional.empty(),
          "poolguard found no Spring service "
              + serviceName
              + " (services "
              + model.services().stream().map(Service::name).toList()
              + ")\n"
              + caseText);
    }
    return compare(model, service.get(), run, caseText, mutation);
  }

  static Verdict compare(
      DeploymentModel model,
      Service service,
      SpringRun run,
      String caseText,
      UnaryOperator<PoolAnswer> mutation) {
    Optional<PoolAnswer> ours = PoolguardSide.answer(model, service).map(mutation);
    if (ours.isEmpty()) {
      return Verdict.skip("no Hikari pool with known values in poolguard's model");
    }
    PoolAnswer spring = RealSpring.run(run);
    if (spring.agrees(ours.get())) {
      return new Verdict(true, Optional.empty(), "");
    }
    return new Verdict(
        false,
        Optional.empty(),
        "Spring Boot "
            + org.springframework.boot.SpringBootVersion.getVersion()
            + ": "
            + spring
            + "\npoolguard: "
            + ours.get()
            + "\n"
            + caseText
            + "\nSpring saw: "
            + run);
  }
}
