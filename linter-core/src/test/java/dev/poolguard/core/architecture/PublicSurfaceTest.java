package dev.poolguard.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Package-private by default: a core type is public only when another package, a module or a rule
 * pack uses it, and at most half of the core's types are.
 */
class PublicSurfaceTest {

  @Test
  void atMostHalfOfTheCoreTypesArePublic() {
    List<JavaClass> types =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.poolguard.core")
                .stream()
                .filter(JavaClass::isTopLevelClass)
                .filter(c -> !c.getSimpleName().equals("package-info"))
                .filter(c -> !c.getPackageName().startsWith("dev.poolguard.core.testing"))
                .toList();
    long publicTypes =
        types.stream().filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC)).count();
    assertThat(types).hasSizeGreaterThan(150);
    assertThat(publicTypes)
        .as("public types of %d core types", types.size())
        .isLessThanOrEqualTo(types.size() / 2);
  }
}
