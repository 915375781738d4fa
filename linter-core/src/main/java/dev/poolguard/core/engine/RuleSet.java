package dev.poolguard.core.engine;

import dev.poolguard.core.LintException;
import dev.poolguard.core.rule.Rule;
import dev.poolguard.core.rule.RuleInfo;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.jar.JarFile;

/** The rules of a run, found with {@link ServiceLoader}; ids are unique. */
public final class RuleSet {

  private final List<Sourced> sourced;
  private final List<Rule> rules;

  private RuleSet(List<Sourced> sourced) {
    this.sourced = List.copyOf(sourced);
    this.rules = sourced.stream().map(Sourced::rule).toList();
  }

  /**
   * Every rule visible to {@code loader}: the built-in rules, and in the Maven plugin the rule
   * packs among the plugin's dependencies.
   *
   * @throws LintException when two rules share an id, or a rule cannot be instantiated
   */
  public static RuleSet load(ClassLoader loader) {
    return load(loader, List.of());
  }

  /**
   * Every rule visible to {@code loader} and in the rule-pack jars {@code jars} ({@code
   * --rules-jar}), each registered in {@code META-INF/services/dev.poolguard.core.rule.Rule}.
   *
   * @throws LintException when a jar cannot be read, a rule cannot be instantiated, or two rules
   *     share an id (the message names both sources)
   */
  public static RuleSet load(ClassLoader loader, List<Path> jars) {
    List<URL> urls = new ArrayList<>();
    for (Path jar : jars) {
      urls.add(checkedJar(jar));
    }
    // Never closed: the pack's classes are used until the process ends.
    ClassLoader packs =
        urls.isEmpty() ? loader : new URLClassLoader(urls.toArray(URL[]::new), loader);
    List<Sourced> found = new ArrayList<>();
    try {
      for (ServiceLoader.Provider<Rule> p :
          ServiceLoader.load(Rule.class, packs).stream().toList()) {
        Rule rule = p.get();
        found.add(new Sourced(rule, source(rule, packs != loader ? packs : null)));
      }
    } catch (ServiceConfigurationError e) {
      throw new LintException("cannot load a rule: " + e.getMessage(), e);
    }
    return sourced(found);
  }

  /**
   * A rule set of {@code rules}.
   *
   * @throws LintException when two rules share an id
   */
  public static RuleSet of(List<Rule> rules) {
    return sourced(rules.stream().map(r -> new Sourced(r, source(r, null))).toList());
  }

  /**
   * This set and {@code more} (the custom rules of a {@code poolguard.yaml}).
   *
   * @throws LintException when an id of {@code more} is taken
   */
  public RuleSet with(List<Rule> more, String source) {
    List<Sourced> all = new ArrayList<>(sourced);
    more.forEach(r -> all.add(new Sourced(r, source)));
    return sourced(all);
  }

  private record Sourced(Rule rule, String source) {}

  private static RuleSet sourced(List<Sourced> rules) {
    TreeMap<String, Sourced> byId = new TreeMap<>();
    for (Sourced s : rules) {
      Sourced clash = byId.put(s.rule().info().id(), s);
      if (clash != null && clash.rule().getClass() != s.rule().getClass()) {
        throw new LintException(
            "rule id '"
                + s.rule().info().id()
                + "' is defined twice: by "
                + clash.rule().getClass().getName()
                + " ("
                + clash.source()
                + ") and by "
                + s.rule().getClass().getName()
                + " ("
                + s.source()
                + ")");
      }
    }
    return new RuleSet(List.copyOf(byId.values()));
  }

  /** Where a rule class comes from: its rule pack, else the jar or folder that holds it. */
  private static String source(Rule rule, ClassLoader packs) {
    Class<?> type = rule.getClass();
    boolean fromPack = packs != null && type.getClassLoader() == packs;
    if (packs != null && !fromPack) {
      return "built-in";
    }
    CodeSource code = type.getProtectionDomain().getCodeSource();
    String where = code == null ? "" : fileName(code.getLocation());
    return (fromPack ? "rule pack " : "") + (where.isEmpty() ? "built-in" : where);
  }

  private static String fileName(URL location) {
    if (location == null) {
      return "";
    }
    String path = location.getPath();
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  private static URL checkedJar(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new LintException("--rules-jar " + jar + ": no such file");
    }
    try (JarFile ignored = new JarFile(jar.toFile())) {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new LintException("--rules-jar " + jar + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new LintException(
          "--rules-jar " + jar + ": cannot be read as a jar (" + e.getMessage() + ")", e);
    }
  }

  /** The rules, sorted by id. */
  public List<Rule> rules() {
    return rules;
  }

  public List<RuleInfo> infos() {
    return rules.stream().map(Rule::info).sorted(Comparator.comparing(RuleInfo::id)).toList();
  }

  public Optional<Rule> find(String id) {
    return rules.stream().filter(r -> r.info().id().equals(id)).findFirst();
  }
}
