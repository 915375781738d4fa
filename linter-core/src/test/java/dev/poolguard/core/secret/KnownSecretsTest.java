package dev.poolguard.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Known secret values masked in free text. */
class KnownSecretsTest {

  @Test
  void aShortWordIsMaskedWhereItStandsAloneNotInsideALongerWord() {
    KnownSecrets known = KnownSecrets.of(List.of("postgres"));

    assertThat(known.replace("the password is postgres.")).isEqualTo("the password is ******.");
    assertThat(known.replace("jdbc:postgresql://app:postgres@db/app"))
        .isEqualTo("jdbc:postgresql://app:******@db/app");
    assertThat(known.replace("POSTGRES_PASSWORD=postgres")).isEqualTo("POSTGRES_PASSWORD=******");
    assertThat(known.replace("postgres")).isEqualTo("******");
    assertThat(known.replace("mounts postgresql.conf")).isEqualTo("mounts postgresql.conf");
    assertThat(known.replace("my_postgres_db")).isEqualTo("my_postgres_db");
  }

  @Test
  void aValueWithOtherCharactersOrALongOneIsMaskedAnywhere() {
    KnownSecrets known = KnownSecrets.of(List.of("s3cr3t!", "A1b2C3d4E5f6G7h8J9"));

    assertThat(known.replace("xs3cr3t!y")).isEqualTo("x******y");
    assertThat(known.replace("tokenA1b2C3d4E5f6G7h8J9end")).isEqualTo("token******end");
  }

  @Test
  void aWordInsideALongerSecretStillMasksTheLongerOne() {
    KnownSecrets known = KnownSecrets.of(List.of("pass", "pass-phrase-1"));

    assertThat(known.replace("passes")).isEqualTo("passes");
    assertThat(known.replace("key pass-phrase-1 end")).isEqualTo("key ****** end");
    assertThat(known.replace("pass/pass")).isEqualTo("******/******");
  }
}
