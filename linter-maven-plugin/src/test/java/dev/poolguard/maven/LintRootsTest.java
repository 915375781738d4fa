package dev.poolguard.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolguard.core.LintException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repository holding a reactor: top with modules orders, billing and tools/cli. */
class LintRootsTest {

  @TempDir Path tmp;
  Path top;
  Path orders;
  Path billing;
  Path cli;

  @BeforeEach
  void layout() throws IOException {
    top = tmp.toRealPath().resolve("shop");
    orders = Files.createDirectories(top.resolve("orders"));
    billing = Files.createDirectories(top.resolve("billing"));
    cli = Files.createDirectories(top.resolve("tools/cli"));
    Files.createDirectories(top.resolve("k8s"));
    Files.createDirectories(top.resolve(".git"));
    Files.writeString(top.resolve("pom.xml"), "<project/>");
  }

  private LintRoots everyProjectBuilt() {
    List<Path> all = List.of(top, orders, billing, cli);
    return new LintRoots(top, all, all);
  }

  @Test
  void withoutConfigTheTopIsTheLintRootOfAllAndItsProjectLintsIt() {
    LintRoots.LintRoot root = everyProjectBuilt().of(billing);
    assertThat(root.folder()).isEqualTo(top);
    assertThat(root.config()).isEmpty();
    assertThat(root.owner()).contains(top);
    assertThat(root.paths()).containsExactly(top);
  }

  @Test
  void theNearestConfigAboveAModuleMakesItsFolderTheLintRoot() throws IOException {
    Files.writeString(top.resolve(".poolguard.yml"), "version: 1\n");
    LintRoots.LintRoot root = everyProjectBuilt().of(cli);
    assertThat(root.folder()).isEqualTo(top);
    assertThat(root.config()).contains(top.resolve(".poolguard.yml"));
  }

  @Test
  void aModuleWithItsOwnConfigIsLeftOutOfTheEnclosingRoot() throws IOException {
    Files.writeString(cli.resolve("poolguard.yaml"), "version: 1\n");
    LintRoots roots = everyProjectBuilt();
    LintRoots.LintRoot outer = roots.of(orders);
    assertThat(outer.nested()).containsExactly(cli);
    assertThat(outer.paths())
        .containsExactly(
            top.resolve(".git"), billing, top.resolve("k8s"), orders, top.resolve("pom.xml"));
    // tools holds nothing but cli, so nothing of it is left to lint.
    LintRoots.LintRoot inner = roots.of(cli);
    assertThat(inner.folder()).isEqualTo(cli);
    assertThat(inner.owner()).contains(cli);
    assertThat(inner.paths()).containsExactly(cli);
  }

  @Test
  void whenTheRootProjectIsNotBuiltTheFirstBuiltModuleInsideLintsIt() {
    LintRoots roots = new LintRoots(top, List.of(billing, orders), List.of(top, orders, billing));
    assertThat(roots.of(orders).owner()).contains(billing);
    assertThat(roots.of(billing).owner()).contains(billing);
  }

  @Test
  void aModuleRunFromItsOwnFolderIsItsOwnTopWithoutConfig() {
    LintRoots roots = new LintRoots(orders, List.of(orders), List.of(orders));
    assertThat(roots.of(orders).folder()).isEqualTo(orders);
    assertThat(roots.of(orders).owner()).contains(orders);
  }

  @Test
  void theSearchStopsAtTheRepositoryRoot() throws IOException {
    Files.writeString(tmp.toRealPath().resolve("poolguard.yaml"), "version: 1\n");
    assertThat(everyProjectBuilt().of(orders).folder()).isEqualTo(top);
  }

  @Test
  void twoConfigNamesInOneFolderAreRefused() throws IOException {
    Files.writeString(top.resolve("poolguard.yaml"), "version: 1\n");
    Files.writeString(top.resolve("poolguard.yml"), "version: 1\n");
    assertThatThrownBy(() -> everyProjectBuilt().of(orders))
        .isInstanceOf(LintException.class)
        .hasMessageContaining("poolguard.yaml and poolguard.yml");
  }

  @Test
  void noProjectOfTheBuildInsideMeansNoOwner() {
    LintRoots roots = new LintRoots(top, List.of(), List.of(top, orders));
    assertThat(roots.of(orders).owner()).isEqualTo(Optional.empty());
  }
}
