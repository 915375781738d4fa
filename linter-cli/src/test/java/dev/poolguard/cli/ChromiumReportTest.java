package dev.poolguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.testing.SharedResources;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Renders the HTML report of the rolling-update example in headless Chromium, as a reviewer opens
 * it, and checks that the verdict, the findings and the overflowing budget chart really appear — in
 * the DOM and on the screenshot, which stays in {@code target/poolguard-report.png} for review.
 */
class ChromiumReportTest {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final Path TARGET = Path.of("target");
  static final Path SCREENSHOT = TARGET.resolve("poolguard-report.png");

  // The colours HtmlReporter promises for the failing verdict banner and the overflow mark.
  static final int FAIL_RGB = 0x8e1b16;
  static final int OVERFLOW_RGB = 0xd7191c;
  static final int BUDGET_SERVICE_RGB = 0x2b6cb0;

  static Path chromium;
  static Path report;

  @BeforeAll
  static void renderReport() throws IOException {
    String override = System.getenv("POOLGUARD_CHROMIUM");
    chromium = Path.of(override == null || override.isBlank() ? CHROMIUM : override);
    if (!Files.isExecutable(chromium)) {
      String message =
          "skipped: Chromium not found at "
              + chromium
              + " (install Debian's chromium; required when CI=true)";
      if (SharedResources.isCi()) {
        throw new IllegalStateException(message.replace("skipped: ", ""));
      }
      Assumptions.abort(message);
    }
    Path out = Files.createDirectories(TARGET.resolve("chromium-report"));
    CliRun run =
        CliRun.inProcess(
            ExamplesTest.ROOT,
            "lint",
            "examples/rollout-overflow",
            "-f",
            "html",
            "-o",
            out.toAbsolutePath().resolve("poolguard.html").toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    report = out.toAbsolutePath().resolve("poolguard.html");
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void domHoldsTheVerdictFindingsAndOverflowMark() throws Exception {
    Path dom = TARGET.resolve("chromium-report/dom.html");
    browser(List.of("--dump-dom", report.toUri().toString()), dom);
    String text = Files.readString(dom);

    assertThat(text)
        .contains("<span class=\"badge\">FAIL</span>")
        .contains("1 error, 0 warnings, 0 notes in 4 files")
        .contains("database-connections-exceeded")
        .contains("during a rolling update of orders-api the fleet can open 380 connections")
        .contains("class=\"overflow\"")
        .contains("OVER BUDGET +43")
        .contains("budget 337");
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void screenshotShowsTheVerdictAndTheOverflow() throws Exception {
    Files.deleteIfExists(SCREENSHOT);
    browser(
        List.of(
            "--screenshot=" + SCREENSHOT.toAbsolutePath(),
            "--window-size=1280,2400",
            "--hide-scrollbars",
            report.toUri().toString()),
        TARGET.resolve("chromium-report/screenshot.log"));

    assertThat(SCREENSHOT).exists();
    BufferedImage image = ImageIO.read(SCREENSHOT.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(pixels(image, FAIL_RGB)).as("pixels of the fail banner").isGreaterThan(10_000);
    assertThat(pixels(image, OVERFLOW_RGB)).as("pixels of the overflow mark").isGreaterThan(500);
    assertThat(pixels(image, BUDGET_SERVICE_RGB)).as("pixels of a budget bar").isGreaterThan(2_000);
  }

  /** Pixels within a small distance of {@code rgb}: colour management may shift a channel. */
  static long pixels(BufferedImage image, int rgb) {
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= 3
            && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= 3
            && Math.abs((p & 0xff) - (rgb & 0xff)) <= 3) {
          n++;
        }
      }
    }
    return n;
  }

  /** Runs headless Chromium with a fresh profile and no network chatter, output into a file. */
  static void browser(List<String> args, Path output) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("poolguard-chromium");
    try {
      List<String> command = new ArrayList<>();
      command.add(chromium.toString());
      command.addAll(
          List.of(
              "--headless",
              "--no-sandbox",
              "--disable-gpu",
              "--disable-quic",
              "--no-first-run",
              "--disable-background-networking",
              "--disable-component-update",
              "--disable-sync",
              "--user-data-dir=" + profile));
      command.addAll(args);
      Files.createDirectories(output.toAbsolutePath().getParent());
      Path log = Files.createTempFile("poolguard-chromium", ".log");
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(output.toFile())
              .redirectError(log.toFile())
              .start();
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new IllegalStateException("Chromium did not finish within 90 s");
      }
      String err = Files.readString(log);
      Files.delete(log);
      assertThat(process.exitValue()).as("chromium exit code; stderr:\n" + err).isZero();
    } finally {
      try (Stream<Path> walk = Files.walk(profile)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
