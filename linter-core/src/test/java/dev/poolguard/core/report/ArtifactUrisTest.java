package dev.poolguard.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactUrisTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "deploy/orders.yaml          | deploy/orders.yaml",
        "deploy/my app/café.yaml     | deploy/my%20app/caf%C3%A9.yaml",
        "k8s/a:b.yaml                | k8s/a%3Ab.yaml",
        "a:b.yaml                    | a%3Ab.yaml",
        "x/100%.yaml                 | x/100%25.yaml",
        "x/#1?.yaml                  | x/%231%3F.yaml",
        "x/サービス.yaml              | x/%E3%82%B5%E3%83%BC%E3%83%93%E3%82%B9.yaml",
        "x/a+b=c,d@e.yaml            | x/a+b=c,d@e.yaml",
      })
  void relativePathsBecomeRelativeUriReferences(String path, String expected) throws Exception {
    String uri = ArtifactUris.relative(path);

    assertThat(uri).isEqualTo(expected);
    URI parsed = new URI(uri);
    assertThat(parsed.isAbsolute()).isFalse();
    assertThat(parsed.getPath()).isEqualTo(path);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/etc/poolguard/shared values.yaml | file:///etc/poolguard/shared%20values.yaml",
        "C:/projects/a.yaml                    | file:///C:/projects/a.yaml",
        "C:\\projects\\a b.yaml                | file:///C:/projects/a%20b.yaml",
        "\\\\server\\share\\a.yaml         | file://server/share/a.yaml",
      })
  void absolutePathsBecomeFileUris(String path, String expected) throws Exception {
    assertThat(ArtifactUris.isAbsolute(path)).isTrue();
    String uri = ArtifactUris.absolute(path);

    assertThat(uri).isEqualTo(expected);
    assertThat(new URI(uri).getScheme()).isEqualTo("file");
  }

  @ParameterizedTest
  @ValueSource(strings = {"deploy/a.yaml", "a.yaml", "c/a.yaml", "./a.yaml"})
  void displayPathsBelowTheRootAreRelative(String path) {
    assertThat(ArtifactUris.isAbsolute(path)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://poolguard.dev/docs/rules   | https://poolguard.dev/docs/rules/r-1.md",
        "https://poolguard.dev/docs/rules/  | https://poolguard.dev/docs/rules/r-1.md",
        "file:///opt/poolguard/docs/        | file:///opt/poolguard/docs/r-1.md",
      })
  void helpUriJoinsWithOneSlash(String base, String expected) {
    assertThat(ArtifactUris.helpUri(Optional.of(base), "r-1")).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"docs/rules", "/docs/rules", "mailto:docs@poolguard.dev", "https://a b/"})
  void noHelpUriUnlessTheBaseIsAnAbsoluteUrl(String base) {
    assertThat(ArtifactUris.helpUri(Optional.of(base), "r-1")).isEmpty();
  }

  @Test
  void noHelpUriWithoutABase() {
    assertThat(ArtifactUris.helpUri(Optional.empty(), "r-1")).isEmpty();
  }

  @Test
  void baseAlwaysEndsWithASlash() {
    assertThat(ArtifactUris.base("file:///srv/shop")).isEqualTo("file:///srv/shop/");
    assertThat(ArtifactUris.base("file:///srv/shop/")).isEqualTo("file:///srv/shop/");
  }
}
