package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** External programs a test needs: skipped on a developer machine without them, failed in CI. */
final class Tools {

  private Tools() {}

  static void require(String name, String... versionCommand) {
    if (runs(versionCommand)) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      fail(name + " is required in CI but '" + String.join(" ", versionCommand) + "' failed");
    }
    Assumptions.abort(name + " is not installed; skipping (CI=true makes this a failure)");
  }

  static boolean runs(String... command) {
    try {
      Process p =
          new ProcessBuilder(List.of(command))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
