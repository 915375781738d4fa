package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only the invoked subcommand's picocli model is built; help and typos still see them all. */
class SubcommandModelTest {

  @Test
  void aNamedSubcommandIsTheOnlyOneBuilt() {
    assertThat(PoolguardCommand.commandLine(new PoolguardCommand(), "lint").getSubcommands())
        .containsOnlyKeys("lint");
    assertThat(
            PoolguardCommand.commandLine(new PoolguardCommand(), "install-hook").getSubcommands())
        .containsOnlyKeys("install-hook");
  }

  @Test
  void helpOptionsAndTyposGetEverySubcommandInHelpOrder() {
    for (String first : new String[] {null, "help", "--version", "lnit", "-h"}) {
      assertThat(PoolguardCommand.commandLine(new PoolguardCommand(), first).getSubcommands())
          .as(String.valueOf(first))
          .containsOnlyKeys(
              "lint",
              "model",
              "alerts",
              "diff",
              "baseline",
              "init",
              "explain",
              "rules",
              "install-hook",
              "help");
    }
    assertThat(PoolguardCommand.commandLine(new PoolguardCommand(), null).getSubcommands().keySet())
        .startsWith("lint", "model", "alerts");
  }
}
