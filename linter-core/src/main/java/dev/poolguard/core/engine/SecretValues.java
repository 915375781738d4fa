package dev.poolguard.core.engine;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigLoader;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.Limits;
import dev.poolguard.core.config.ListNode;
import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.config.ScalarNode;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.PoolSetting;
import dev.poolguard.core.model.Redaction;
import dev.poolguard.core.model.Service;
import dev.poolguard.core.model.Value;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the secret values a run has read, so that {@link Redaction} can mask them wherever they
 * travel: every scalar under a secret-like key (block scalars, flow collections and aliases
 * included, since they arrive here as nodes), every value of a Kubernetes Secret (as written and
 * base64-decoded), the {@code value} of an env entry whose {@code name} is secret-like, passwords
 * inside URLs, secrets inside JSON carried in a string ({@code SPRING_APPLICATION_JSON}), and pool
 * settings whose value resolved through a secret.
 */
final class SecretValues {

  /** JSON inside JSON inside a value is parsed this deep, no deeper. */
  private static final int MAX_EMBEDDED = 3;

  private final Set<String> found = new HashSet<>();
  // A scalar an alias repeats is scanned once: the same text cannot hide new secrets.
  private final Set<String> scanned = new HashSet<>();
  private final Limits limits;

  private SecretValues(Limits limits) {
    this.limits = limits;
  }

  /** The redaction for a run that read {@code files} and resolved {@code services}. */
  static Redaction of(List<ConfigFile> files, List<Service> services, Limits limits) {
    SecretValues values = new SecretValues(limits);
    for (ConfigFile file : files) {
      for (ConfigNode document : file.documents()) {
        values.document(document, 0);
      }
    }
    for (Service service : services) {
      for (DataSource ds : service.dataSources()) {
        for (PoolSetting setting : ds.settings()) {
          values.setting(setting);
        }
      }
    }
    return Redaction.of(values.found);
  }

  private void document(ConfigNode document, int embedded) {
    if (document instanceof MapNode map && map.text("kind").filter("Secret"::equals).isPresent()) {
      map.get("data").ifPresent(data -> secretData(data, true));
      map.get("stringData").ifPresent(data -> secretData(data, false));
    }
    walk(document, false, embedded);
  }

  private void secretData(ConfigNode data, boolean base64) {
    for (ScalarNode s : scalars(data)) {
      add(s);
      if (base64) {
        decoded(s.value()).ifPresent(found::add);
      }
    }
  }

  private void walk(ConfigNode node, boolean secret, int embedded) {
    if (node instanceof ScalarNode s) {
      scalar(s, secret, embedded);
    } else if (node instanceof ListNode list) {
      list.items().forEach(i -> walk(i, secret, embedded));
    } else if (node instanceof MapNode map) {
      boolean secretEnv = map.text("name").filter(Redaction::isSecretKey).isPresent();
      for (MapNode.Entry e : map.entries()) {
        String key = e.key().value();
        boolean secretHere =
            secret
                || (Redaction.isSecretKey(key) && !namesASecret(key, e.value()))
                || (secretEnv && key.equals("value"));
        walk(e.value(), secretHere, embedded);
      }
    }
  }

  /**
   * A reference to a Secret ({@code secretKeyRef: {name, key}}, {@code secretName: orders}) names
   * it; a scalar {@code secret:} in application config is one.
   */
  private static boolean namesASecret(String key, ConfigNode value) {
    if (!Redaction.namesASecret(key)) {
      return false;
    }
    return !(value instanceof ScalarNode) || !key.equals("secret");
  }

  private void scalar(ScalarNode s, boolean secret, int embedded) {
    if (s.isNull()) {
      return;
    }
    if (secret) {
      add(s);
    }
    if (!scanned.add(s.value())) {
      return;
    }
    found.addAll(Redaction.secretsIn(s.value()));
    String t = s.value().strip();
    if (embedded < MAX_EMBEDDED
        && (t.startsWith("{") || t.startsWith("["))
        && t.length() <= limits.maxFileBytes()) {
      ConfigFile json =
          ConfigLoader.loadText(t, s.position().path(), ConfigFile.Format.YAML, 0, 0, limits);
      json.documents().forEach(d -> document(d, embedded + 1));
    }
  }

  /** A pool setting is secret by its key, by its name where set, or by what it resolved from. */
  private void setting(PoolSetting setting) {
    Value v = setting.value();
    boolean secret =
        Redaction.isSecretKey(setting.key())
            || Redaction.isSecretKey(setting.property())
            || Redaction.isSecretOrigin(v.origin());
    if (secret && v.isKnown()) {
      found.add(v.text());
      found.add(v.origin().text());
    }
    for (Origin o : v.overridden()) {
      if (secret || Redaction.isSecretOrigin(o)) {
        found.add(o.text());
      }
    }
  }

  private void add(ScalarNode s) {
    found.add(s.value());
    found.add(s.raw());
  }

  private static List<ScalarNode> scalars(ConfigNode node) {
    List<ScalarNode> out = new ArrayList<>();
    collect(node, out);
    return out;
  }

  private static void collect(ConfigNode node, List<ScalarNode> out) {
    if (node instanceof ScalarNode s) {
      if (!s.isNull()) {
        out.add(s);
      }
    } else if (node instanceof ListNode list) {
      list.items().forEach(i -> collect(i, out));
    } else if (node instanceof MapNode map) {
      map.entries().forEach(e -> collect(e.value(), out));
    }
  }

  private static java.util.Optional<String> decoded(String base64) {
    try {
      byte[] bytes = Base64.getMimeDecoder().decode(base64.strip());
      return java.util.Optional.of(
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
    } catch (IllegalArgumentException | CharacterCodingException e) {
      return java.util.Optional.empty();
    }
  }
}
