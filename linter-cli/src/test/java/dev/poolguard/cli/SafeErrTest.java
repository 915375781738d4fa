package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.model.Redaction;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Standard error masks secrets and neutralises control characters line by line. */
class SafeErrTest {

  @Test
  void masksShapesAndKnownValuesAndShowsControlsAsEscapes() {
    StringWriter sink = new StringWriter();
    SafeErr err = new SafeErr(sink);
    PrintWriter out = new PrintWriter(err, true);
    out.println("poolguard: cannot read jdbc:postgresql://app:hunter22@db/x \u001b[2J");
    err.knowing(Redaction.of(List.of("Kq9xCanary")));
    out.print("poolguard: internal error: For input string: \"Kq9xCanary\"");
    out.flush();

    assertThat(sink.toString())
        .isEqualTo(
            "poolguard: cannot read jdbc:postgresql://app:******@db/x \\u001b[2J\n"
                + "poolguard: internal error: For input string: \"******\"");
  }
}
