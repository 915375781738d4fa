package dev.poolguard.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Configuration excerpts in reports never show a secret. */
class ReportDataTest {

  @Test
  void masksSecretKeysUrlPasswordsAndInlineOptions() {
    assertThat(
            ReportData.redact(
                """
                spring:
                  datasource:
                    url: jdbc:postgresql://app:pw1@db/shop?password=pw2&ssl=true
                    password: "pw3"
                    hikari:
                      maximum-pool-size: 10
                spring.datasource.hikari.data-source-properties.apiKey=pw4
                        - -Dother=kept -Dspring.datasource.secret=pw5
                """))
        .containsExactly(
            "spring:",
            "  datasource:",
            "    url: jdbc:postgresql://app:******@db/shop?password=******&ssl=true",
            "    password: ******",
            "    hikari:",
            "      maximum-pool-size: 10",
            "spring.datasource.hikari.data-source-properties.apiKey=******",
            "        - -Dother=kept -Dspring.datasource.secret=******");
  }

  @Test
  void masksEnvValuesNamedLikeSecretsAndEverythingInASecret() {
    assertThat(
            ReportData.redact(
                """
                env:
                  - name: DB_PASSWORD
                    value: pw1
                  - name: POOL_SIZE
                    value: "10"
                ---
                kind: Secret
                metadata:
                  name: db
                stringData:
                  url: pw2
                """))
        .containsExactly(
            "env:",
            "  - name: DB_PASSWORD",
            "    value: ******",
            "  - name: POOL_SIZE",
            "    value: \"10\"",
            "---",
            "kind: Secret",
            "metadata:",
            "  name: db",
            "stringData:",
            "  url: ******");
  }

  @Test
  void hidesLinesTooLongToScan() {
    assertThat(ReportData.redact("a:\n" + "[".repeat(100_000) + "\nb: 1\n"))
        .containsExactly("a:", "(a line of 100000 characters, not shown)", "b: 1");
  }
}
