package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names in {@code init}'s poolguard.yaml read back as written, whatever characters they hold. */
class InitQuoteTest {

  @Test
  void oddNamesReadBackAsWritten() {
    for (String name :
        List.of(
            "orders",
            "line\nbreak",
            "cr\rlf",
            "tab\there",
            "quote\"and\\slash",
            "true",
            "null",
            "123",
            "0x1F",
            "-dash",
            "~",
            ".inf",
            "bell\u0007",
            "next\u0085line",
            "sep\u2028arator",
            "emoji \uD83D\uDE00",
            "# not a comment",
            "key: value")) {
      String yaml = InitCommand.quote(name) + ": " + InitCommand.quote(name) + "\n";
      ConfigFile file =
          ConfigLoader.loadText(yaml, "init.yaml", ConfigFile.Format.YAML, 0, 0, Limits.DEFAULT);
      assertThat(file.problems()).as(yaml).isEmpty();
      MapNode.Entry entry = ((MapNode) file.documents().get(0)).entries().get(0);
      assertThat(entry.key().value()).as(yaml).isEqualTo(name);
      assertThat(((ScalarNode) entry.value()).value()).as(yaml).isEqualTo(name);
    }
  }

  @Test
  void anUnpairedSurrogateBecomesAReplacementCharacter() {
    assertThat(InitCommand.quote("bad\uD800name")).isEqualTo("\"bad\\uFFFDname\"");
  }
}
