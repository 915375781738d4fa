package dev.poolguard.rules.suppression;

import dev.poolguard.core.project.Waiver;

/** How the waiver rules name a waiver in their messages. */
final class Waivers {

  private Waivers() {}

  /** {@code rule-id (path deploy/x.yaml, service orders-api)}. */
  static String describe(Waiver w) {
    StringBuilder out = new StringBuilder(w.rule());
    String narrowing =
        w.path().map(p -> "path " + p).orElse("")
            + (w.path().isPresent() && w.service().isPresent() ? ", " : "")
            + w.service().map(s -> "service " + s).orElse("");
    if (!narrowing.isEmpty()) {
      out.append(" (").append(narrowing).append(')');
    }
    return out.toString();
  }

  static String findings(int n) {
    return n == 1 ? "1 finding" : n + " findings";
  }
}
