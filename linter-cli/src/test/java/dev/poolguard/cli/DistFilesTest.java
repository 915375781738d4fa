package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script and man page the build derives from the command definitions. */
class DistFilesTest {

  @TempDir Path dir;

  @Test
  void completionKnowsEveryCommandAndLintOption() throws Exception {
    DistFiles.main(new String[] {dir.toString(), "1.2.3"});
    Path completion = dir.resolve("poolguard.bash");
    assertThat(completion)
        .content()
        .contains("install-hook", "explain", "--fail-on", "--staged", "complete -F");
    Tools.require("bash", "bash", "--version");
    CliRun syntax = CliRun.command(dir, Map.of(), List.of("bash", "-n", completion.toString()));
    assertThat(syntax.exitCode()).as(syntax.err()).isZero();
  }

  @Test
  void manPageHasCommandsOptionsExitStatusAndEnvironment() throws Exception {
    DistFiles.main(new String[] {dir.toString(), "1.2.3"});
    assertThat(dir.resolve("poolguard.1"))
        .content()
        .startsWith(".TH POOLGUARD 1 \"\" \"poolguard 1.2.3\"")
        .contains(".SS \"poolguard lint\"", ".SS \"poolguard install\\-hook\"")
        .contains("\\fB\\-\\-fail\\-on\\fR \\fILEVEL\\fR")
        .contains(".SH EXIT STATUS", ".SH ENVIRONMENT", "NO_COLOR", ".SH EXAMPLES");
  }

  @Test
  void troffControlCharactersAreEscaped() {
    assertThat(DistFiles.esc(".hidden\n'quote\na\\b-c"))
        .isEqualTo("\\&.hidden\n\\&'quote\na\\eb\\-c");
  }
}
