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
  void masksValuesThatContinueOnLaterLines() {
    assertThat(
            ReportData.redact(
                """
                token: |
                  pw1
                  pw2

                passwrd: >-
                  pw3
                pwd:
                  pw4
                passphrase:
                - pw5
                - pw6
                session-secret: "first pw7
                  second"
                pool-name: ok
                spring.datasource.hikari.secret=pw8\\
                  pw9
                spring.datasource.hikari.pool-name=shown
                """))
        .containsExactly(
            "token: ******",
            "  ******",
            "  ******",
            "",
            "passwrd: ******",
            "  ******",
            "pwd:",
            "  ******",
            "passphrase:",
            "- ******",
            "- ******",
            "session-secret: ******",
            "  ******",
            "pool-name: ok",
            "spring.datasource.hikari.secret=******",
            "  ******",
            "spring.datasource.hikari.pool-name=shown");
  }

  @Test
  void masksFlowCollectionsJsonAndFlowSecretsButNotSecretReferences() {
    assertThat(
            ReportData.redact(
                """
                cfg: {db-pass: pw1, mode: fast}
                passphrase: [pw2, pw3]
                env:
                  - name: SPRING_APPLICATION_JSON
                    value: '{"spring":{"datasource":{"password":"pw4"}}}'
                  - name: API_TOKEN
                    valueFrom:
                      secretKeyRef:
                        name: orders-secret
                ---
                kind: Secret
                data: {password: cHcx, name: cHcy}
                stringData:
                  name: pw6
                """))
        .containsExactly(
            "cfg: {db-pass: ******, mode: fast}",
            "passphrase: ******",
            "env:",
            "  - name: SPRING_APPLICATION_JSON",
            "    value: '{\"spring\":{\"datasource\":{\"password\":\"******\"}}}'",
            "  - name: API_TOKEN",
            "    valueFrom:",
            "      secretKeyRef:",
            "        name: orders-secret",
            "---",
            "kind: Secret",
            "data: ******",
            "stringData:",
            "  name: ******");
  }

  @Test
  void masksTheRunsKnownSecretValuesOnEveryLine() {
    assertThat(
            ReportData.redact(
                "pool-name: *pw\nconnection-init-sql: select 'Kq9xCanary'\n",
                dev.poolguard.core.model.Redaction.of(java.util.List.of("Kq9xCanary"))))
        .containsExactly("pool-name: *pw", "connection-init-sql: select '******'");
  }

  @Test
  void hidesLinesTooLongToScan() {
    assertThat(ReportData.redact("a:\n" + "[".repeat(100_000) + "\nb: 1\n"))
        .containsExactly("a:", "(a line of 100000 characters, not shown)", "b: 1");
  }
}
