package dev.poolguard.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolguard.core.model.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootVersion;

/**
 * The line this module runs is the line poolguard says it follows when a build declares it: the
 * other oracle tests then judge poolguard's model of that line.
 */
class BootLineTest {

  @Test
  void poolguardFollowsTheLineTheBuildDeclares(@TempDir Path dir) throws IOException {
    String version = SpringBootVersion.getVersion();
    Path resources = Files.createDirectories(dir.resolve("orders/src/main/resources"));
    Files.writeString(
        resources.resolve("application.properties"),
        "spring.datasource.url=jdbc:postgresql://db/orders\n");
    Files.writeString(
        dir.resolve("orders/pom.xml"),
        "<project><parent><groupId>org.springframework.boot</groupId>"
            + "<artifactId>spring-boot-starter-parent</artifactId><version>"
            + version
            + "</version></parent></project>");

    Service service = PoolguardSide.model(dir).services().get(0);

    String line = version.replaceFirst("^(\\d+\\.\\d+).*", "$1");
    assertThat(service.frameworkLine()).startsWith("Spring Boot " + line + " (");
  }
}
