package dev.poolguard.cli;

import org.junit.jupiter.api.Nested;

/** Every git baseline case, without poolguard.yaml and with an init-written one. */
class GitBaselineTest {

  @Nested
  class WithoutPoolguardYaml extends GitBaselineCases {
    WithoutPoolguardYaml() {
      super(false);
    }
  }

  @Nested
  class WithInitWrittenPoolguardYaml extends GitBaselineCases {
    WithInitWrittenPoolguardYaml() {
      super(true);
    }
  }
}
