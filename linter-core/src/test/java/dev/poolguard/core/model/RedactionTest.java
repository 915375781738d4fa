package dev.poolguard.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.config.SourcePosition;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password",
        "spring.datasource.password",
        "SPRING_DATASOURCE_PASSWORD",
        "passwd",
        "passwrd",
        "pwd",
        "db-pass",
        "dbPass",
        "DB_PASS",
        "pass",
        "passphrase",
        "pw",
        "secret",
        "clientSecret",
        "token",
        "auth-token",
        "credentials",
        "credentials-provider",
        "apikey",
        "api-key",
        "access-key",
        "AccessKeyId",
        "SecretAccessKey",
        "private-key",
        "sslkey",
        "sslpassword",
        "X-Amz-Signature",
        "sig"
      })
  void secretLikeKeysAndNearMisses(String key) {
    assertThat(Redaction.isSecretKey(key)).as(key).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "maximum-pool-size",
        "minimum-idle",
        "pool-name",
        "connection-timeout",
        "idle-timeout",
        "max-lifetime",
        "keepalive-time",
        "leak-detection-threshold",
        "validation-timeout",
        "initialization-fail-timeout",
        "connection-init-sql",
        "connection-test-query",
        "data-source-properties.cachePrepStmts",
        "jdbc-url",
        "url",
        "username",
        "schema",
        "catalog",
        "transaction-isolation",
        "register-mbeans",
        "allow-pool-suspension"
      })
  void poolSettingsAreNotSecret(String key) {
    assertThat(Redaction.isSecretKey(key)).as(key).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:postgresql://app:hunter22@db:5432/shop|jdbc:postgresql://app:******@db:5432/shop",
        "jdbc:postgresql://app:pa/ss@w@rd@db/shop|jdbc:postgresql://app:******@db/shop",
        "mongodb://u:p%40ss@h1,h2/db|mongodb://u:******@h1,h2/db",
        "jdbc:oracle:thin:scott/tiger1@//db:1521/svc|jdbc:oracle:thin:scott/******@//db:1521/svc",
        "jdbc:oracle:thin:scott/ti@ger@db:1521:orcl|jdbc:oracle:thin:scott/******@db:1521:orcl",
        "jdbc:postgresql://db/shop?user=a&password=hunter22&ssl=true|"
            + "jdbc:postgresql://db/shop?user=a&password=******&ssl=true",
        "jdbc:postgresql://db/shop?sslpassword=k3y&sslmode=verify-full|"
            + "jdbc:postgresql://db/shop?sslpassword=******&sslmode=verify-full",
        "jdbc:sqlserver://db:1433;user=app;password=hunter22;encrypt=true|"
            + "jdbc:sqlserver://db:1433;user=app;password=******;encrypt=true",
        "jdbc:sqlserver://db;password={a;b}c;x=1|jdbc:sqlserver://db;password={******}c;x=1",
        "https://b.example/x?AccessKeyId=AK&SecretAccessKey=abc123&token=t0k|"
            + "https://b.example/x?AccessKeyId=******&SecretAccessKey=******&token=******",
        "-Dspring.datasource.password=hunter22 -Xmx1g|-Dspring.datasource.password=****** -Xmx1g",
        "--db-pass=hunter22|--db-pass=******",
        "{\"spring\":{\"datasource\":{\"password\":\"hunter22\",\"url\":\"x\"}}}|"
            + "{\"spring\":{\"datasource\":{\"password\":\"******\",\"url\":\"x\"}}}",
        "{user: app, passwrd: hunter22}|{user: app, passwrd: ******}",
        "jdbc:postgresql://db:5432/shop|jdbc:postgresql://db:5432/shop",
        "jdbc:postgresql://app@db:5432/shop|jdbc:postgresql://app@db:5432/shop",
        "https://ghp_abc123@github.com/o/r.git|https://******@github.com/o/r.git",
        "https://x-access-token:ghs_abc@github.com/o/r|https://x-access-token:******@github.com/o/r",
        "skipped secret: permission denied|skipped secret: permission denied",
        "pool max 10 (was 40)|pool max 10 (was 40)"
      })
  void secretShapesInText(String text, String expected) {
    assertThat(Redaction.redactText(text)).isEqualTo(expected);
  }

  @Test
  void knownValuesAreMaskedWhereverTheyTravel() {
    Redaction r = Redaction.of(List.of("Kq9xCanary", "line one\nline two two", "10", "true", ""));

    assertThat(r.scrub("pool-name Kq9xCanary-suffix and 10 and true"))
        .isEqualTo("pool-name ******-suffix and 10 and true");
    assertThat(r.scrub("  line two two")).isEqualTo("  ******");
    // The longest known value wins where two overlap; the same input always masks the same way.
    Redaction overlapping = Redaction.of(List.of("ab-d", "ab-def"));
    assertThat(overlapping.scrub("xab-defx ab-dx")).isEqualTo("x******x ******x");
    assertThat(overlapping).isEqualTo(Redaction.of(List.of("ab-def", "ab-d")));
    // A short word-like value stands for itself, not for part of a longer word.
    Redaction word = Redaction.of(List.of("abcd", "abcdef"));
    assertThat(word.scrub("xabcdefx abcd abcdef")).isEqualTo("xabcdefx ****** ******");
    assertThat(r.knownValues()).doesNotContain("10", "true", "");
  }

  /**
   * Inputs built to make a scan quadratic: a quadratic scan of these would not finish within the
   * build (no timing is asserted; a regression shows as a build that hangs).
   */
  @Test
  void hostileInputsAreScannedInOnePass() {
    int size = 1 << 20;
    for (String unit :
        List.of("//a:", "password={", "jdbc:oracle:thin:a/", "\"pwd\":\"", "{pw: ")) {
      String hostile = unit.repeat(size / unit.length());
      assertThat(Redaction.redactText(hostile).length()).as(unit).isPositive();
    }
    String longSecret = "a".repeat(100_000) + "b";
    Redaction r = Redaction.of(List.of(longSecret));
    assertThat(r.scrub("a".repeat(size))).hasSize(size);
    assertThat(r.scrub("x" + longSecret + "x")).isEqualTo("x******x");
  }

  @Test
  void placeholdersAloneAreNotSecretValues() {
    assertThat(Redaction.of(List.of("${DB_PASSWORD}", "$(DB_PASSWORD)")).knownValues()).isEmpty();
  }

  @Test
  void aSettingIsSecretWhenItResolvedThroughASecret() {
    Origin plain =
        new Origin(Origin.Kind.FILE, new SourcePosition("a.yml", 1, 1), "pool-name", "x");
    Origin viaPassword =
        new Origin(
            Origin.Kind.FILE,
            new SourcePosition("a.yml", 1, 1),
            "spring.datasource.hikari.pool-name",
            "pre-${spring.datasource.password}");
    PoolSetting poolName =
        new PoolSetting(
            "pool-name",
            "spring.datasource.hikari.pool-name",
            Value.set("abc", plain, List.of()),
            true);

    assertThat(Redaction.redact(poolName, plain, "abc")).isEqualTo("abc");
    assertThat(Redaction.redact(poolName, viaPassword, "pre-abc")).isEqualTo(Redaction.MASK);
    assertThat(Redaction.namesASecret("secretKeyRef")).isTrue();
    assertThat(Redaction.namesASecret("password")).isFalse();
  }
}
