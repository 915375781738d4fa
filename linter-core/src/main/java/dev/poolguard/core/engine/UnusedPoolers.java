package dev.poolguard.core.engine;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.model.pooler.ManifestPoolers;
import dev.poolguard.core.model.pooler.Pooler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Poolers found in the tree that no database of poolguard.yaml names: said, never silent. */
final class UnusedPoolers {

  static final String INI_NOT_TIED =
      "PgBouncer configuration tied to no database: name it as databases.<name>.pooler.config in"
          + " poolguard.yaml to check the pooler's client and server budgets";

  /** How much of an {@code .ini} is looked at for a {@code [pgbouncer]} section. */
  private static final int PEEK_BYTES = 64 * 1024;

  private UnusedPoolers() {}

  /** A {@code pgbouncer*.ini}, or an {@code .ini} with a {@code [pgbouncer]} section. */
  static boolean pgbouncerIni(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".ini")) {
      return false;
    }
    if (name.contains("pgbouncer")) {
      return true;
    }
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(PEEK_BYTES), StandardCharsets.UTF_8);
      return head.lines().anyMatch(l -> l.strip().equals("[pgbouncer]"));
    } catch (IOException | RuntimeException e) {
      return false;
    }
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
