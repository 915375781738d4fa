package dev.poolguard.core.model.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.Value;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JvmOptionsTest {

  private static final SourcePosition AT = new SourcePosition("deploy/app.yaml", 30, 22);

  @Test
  void readsSystemPropertiesHonouringQuotes() {
    List<KeyValue> props =
        JvmOptions.systemProperties(
            "-Xmx512m -Dspring.datasource.hikari.connection-timeout=3000 \"-Dapp.name=orders service\" -XX:+UseG1GC",
            AT);

    assertThat(props)
        .containsExactly(
            KeyValue.known("spring.datasource.hikari.connection-timeout", "3000", AT),
            KeyValue.known("app.name", "orders service", AT));
  }

  @Test
  void splitsAsHotSpotDoes() {
    assertThat(JvmOptions.split("  -Da=1\t-Db='x y'z \n -Dc=\"it's\"  "))
        .contains(List.of("-Da=1", "-Db=x yz", "-Dc=it's"));
    assertThat(JvmOptions.split("")).contains(List.of());
    // No escapes: a backslash is an ordinary character.
    assertThat(JvmOptions.split("-Dp=C:\\dir\\")).contains(List.of("-Dp=C:\\dir\\"));
    assertThat(JvmOptions.split("-Da=\"open")).isEmpty();
  }

  @Test
  void aPropertyWithoutValueIsEmptyAndLaterDuplicatesAreKeptInOrder() {
    assertThat(JvmOptions.systemProperties("-Dflag -Dk=1 -Dk=2 -Dk=a=b", AT))
        .containsExactly(
            KeyValue.known("flag", "", AT),
            KeyValue.known("k", "1", AT),
            KeyValue.known("k", "2", AT),
            KeyValue.known("k", "a=b", AT));
  }

  @Test
  void anUnmatchedQuoteStopsTheJvmAndIsNoted() {
    CommandLine parsed = JvmOptions.parse("-Dk=1 \"-Dx=2", AT);

    assertThat(parsed.systemProperties()).isEmpty();
    assertThat(parsed.notes())
        .containsExactly(AT + ": unmatched quote in JVM options; the JVM does not start");
  }

  @Test
  void aNamelessPropertyIsNoted() {
    CommandLine parsed = JvmOptions.parse("-D=oops", AT);

    assertThat(parsed.systemProperties()).isEmpty();
    assertThat(parsed.notes())
        .containsExactly(AT + ": cannot read the property name of a -D option");
  }

  @Test
  void readsAKnownVariableAndNotesAnUnknownOne() {
    Origin origin = new Origin(Origin.Kind.ENV, AT, "JAVA_TOOL_OPTIONS", "-Dk=v");
    EnvEntry known =
        new EnvEntry("JAVA_TOOL_OPTIONS", "-Dk=v", Optional.empty(), origin, List.of());
    EnvEntry secret =
        new EnvEntry(
            "JAVA_TOOL_OPTIONS",
            "",
            Optional.of(new Value.Unknown(Value.Unknown.Cause.SECRET, "JAVA_TOOL_OPTIONS")),
            origin,
            List.of());

    assertThat(JvmOptions.parse(known).systemProperties())
        .containsExactly(KeyValue.known("k", "v", AT));
    assertThat(JvmOptions.parse(secret).notes())
        .containsExactly(
            AT
                + ": JAVA_TOOL_OPTIONS is not known before deployment; its -D options cannot be read");
  }

  @Test
  void readsJavaToolOptionsOfTheShopManifest() {
    TestManifest shop = TestManifest.resource("shop.yaml");
    Cluster cluster = shop.read();
    Environment env =
        Environment.of(cluster.workloads().get(0).containers().get(0), cluster, "shop");

    CommandLine parsed = JvmOptions.parse(env.get("JAVA_TOOL_OPTIONS").orElseThrow());

    SourcePosition value = shop.pos("value: -Xmx512m", "-Xmx512m");
    assertThat(parsed.systemProperties())
        .containsExactly(
            KeyValue.known("spring.datasource.hikari.connection-timeout", "3000", value),
            KeyValue.known("app.name", "orders service", value));
  }
}
