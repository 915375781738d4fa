package dev.poolguard.core.engine;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.model.pooler.IniPoolers;
import dev.poolguard.core.model.pooler.ManifestPoolers;
import dev.poolguard.core.model.pooler.PgBouncerIni;
import dev.poolguard.core.model.pooler.Pooler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Poolers found in the tree that no database of poolguard.yaml names: said, never silent. */
final class UnusedPoolers {

  /** How much of an {@code .ini} is looked at for a {@code [pgbouncer]} section. */
  private static final int PEEK_BYTES = 64 * 1024;

  private UnusedPoolers() {}

  /**
   * What an untied {@code pgbouncer*.ini}, or {@code .ini} with a {@code [pgbouncer]} section,
   * sets, for its note; empty for any other file.
   */
  static Optional<String> pgbouncerIni(Path file, String display) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".ini")) {
      return Optional.empty();
    }
    String head;
    try (InputStream in = Files.newInputStream(file)) {
      head = new String(in.readNBytes(PEEK_BYTES), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      head = "";
    }
    if (!name.contains("pgbouncer")
        && head.lines().noneMatch(l -> l.strip().equals("[pgbouncer]"))) {
      return Optional.empty();
    }
    Pooler p = IniPoolers.of(PgBouncerIni.parse(head, display), display);
    return Optional.of(
        "PgBouncer configuration (pool_mode "
            + p.setting("pool_mode").map(Pooler.Setting::value).orElse("session")
            + ", max_client_conn "
            + p.number("max_client_conn")
            + ", default_pool_size "
            + p.number("default_pool_size")
            + ", "
            + p.databases().size()
            + " [databases] entries) tied to no database: name it as"
            + " databases.<name>.pooler.config in poolguard.yaml to check the pooler's client and"
            + " server budgets");
  }

  /** A CloudNativePG {@code Pooler} or a Zalando {@code postgresql} object. */
  static boolean poolerKind(MapNode object) {
    String kind = object.text("kind").orElse("");
    String api = object.text("apiVersion").orElse("");
    return (kind.equals("Pooler") && api.startsWith("postgresql.cnpg.io/"))
        || (kind.equals("postgresql") && api.startsWith("acid.zalan.do/"));
  }

  /** Each pooler a manifest no {@code pooler.manifest} names declares, at its object. */
  static List<Diagnostic> manifest(ConfigFile manifest) {
    List<Diagnostic> out = new ArrayList<>();
    for (Pooler p : ManifestPoolers.of(manifest)) {
      out.add(
          Diagnostic.notUsed(
              p.position(),
              p.kind().label()
                  + " "
                  + p.name()
                  + " ("
                  + p.number(Pooler.INSTANCES)
                  + " instances, pool_mode "
                  + p.setting("pool_mode").map(Pooler.Setting::value).orElse("session")
                  + ") tied to no database: name this file as databases.<name>.pooler.manifest in"
                  + " poolguard.yaml to check its client and server budgets"));
    }
    return out;
  }
}
