package dev.poolguard.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.model.Redaction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The last step of every output: known secrets in every encoding, text every charset can hold. */
class SafeOutputTest {

  private static final String SECRET = "p\"a<s&s\\w\u00f6rd\u001b";
  private static final Redaction KNOWN = Redaction.of(List.of(SECRET));

  @Test
  void masksAKnownSecretInEveryEscapedFormAFormatWrites() {
    for (String rendered :
        List.of(
            "raw " + SECRET,
            "{\"message\": \"x p\\\"a<s&s\\\\w\\u00F6rd\\u001B y\"}",
            "<failure>p&quot;a&lt;s&amp;s\\wörd </failure>",
            "md p\"a&lt;s&amp;s\\\\wörd\\\\u001b",
            "text p\"a<s&s\\wörd\\u001b")) {
      assertThat(SafeOutput.finish(rendered, KNOWN)).as(rendered).contains(Redaction.MASK);
    }
  }

  @Test
  void replacesLoneSurrogatesAndKeepsPairs() {
    assertThat(SafeOutput.wellFormed("a\uD800b\uDC00c\uD83D\uDE00"))
        .isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE00");
    assertThat(SafeOutput.wellFormed("end\uD800")).isEqualTo("end\uFFFD");
  }

  @Test
  void leavesTextWithoutKnownSecretsAlone() {
    String report = "{\"key\": \"password\", \"value\": \"******\", \"max\": 10}\n";
    assertThat(SafeOutput.finish(report, Redaction.none())).isSameAs(report);
    assertThat(SafeOutput.finish(report, KNOWN)).isEqualTo(report);
  }

  @Test
  void terminalTextShowsControlsAsEscapes() {
    assertThat(Terminal.oneLine("a\tb\nc\u001b[2J\u0007\u009b\u202e\u2066\uD800"))
        .isEqualTo("a b c\\u001b[2J\\u0007\\u009b\\u202e\\u2066\uFFFD");
    assertThat(Terminal.neutral("line1\nline2\r\n\u001b]8;;x\u0007"))
        .isEqualTo("line1\nline2\\u000d\n\\u001b]8;;x\\u0007");
    assertThat(Terminal.neutral("plain ü 😀")).isEqualTo("plain ü 😀");
  }
}
