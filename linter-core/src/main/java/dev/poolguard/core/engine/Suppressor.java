package dev.poolguard.core.engine;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.project.PoolguardConfig;
import dev.poolguard.core.project.Waiver;
import dev.poolguard.core.result.Finding;
import dev.poolguard.core.result.Finding.Suppression;
import dev.poolguard.core.rule.SuppressionAudit;
import dev.poolguard.core.text.Glob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Matches findings against inline ignores and waivers. Suppressed findings are kept, marked with
 * what suppressed them; what matched what goes into a {@link SuppressionAudit} for the rules that
 * judge suppressions.
 */
final class Suppressor {

  private final PoolguardConfig config;
  private final Path workingDirectory;
  private final SuppressionOptions options;
  private final Map<String, Glob> globs = new java.util.HashMap<>();
  // Waivers by rule id, and the answer of each waiver path for each finding path: matching stays
  // linear in findings plus waivers, however many of each a pull request brings.
  private final Map<String, List<Integer>> waiversByRule = new java.util.HashMap<>();
  private final Map<String, Boolean> pathAnswers = new java.util.HashMap<>();

  Suppressor(PoolguardConfig config, Path workingDirectory, SuppressionOptions options) {
    this.config = config;
    this.workingDirectory = workingDirectory;
    this.options = options;
  }

  /** The findings with suppressions applied, and the audit of what every suppression did. */
  record Outcome(List<Finding> findings, SuppressionAudit audit) {}

  /**
   * @param files the linted files; their text comes from {@code texts} by display path
   * @param ruleIds every rule id of the run
   * @param auditRuleIds the ids of the suppression rules: their findings are never suppressed
   */
  Outcome apply(
      List<Finding> findings,
      List<ConfigFile> files,
      Function<String, Optional<String>> texts,
      Set<String> ruleIds,
      Set<String> auditRuleIds) {
    List<InlineIgnores.Comment> comments =
        options.inlineIgnores() ? comments(files, texts) : List.of();
    Map<InlineIgnores.Comment, Set<String>> used = new LinkedHashMap<>();
    comments.forEach(c -> used.put(c, new LinkedHashSet<>()));
    // By file: a finding is checked against the ignores of its own file only.
    Map<String, List<InlineIgnores.Comment>> commentsIn = new java.util.HashMap<>();
    comments.forEach(
        c -> commentsIn.computeIfAbsent(c.position().path(), k -> new ArrayList<>()).add(c));
    for (int i = 0; i < config.waivers().size(); i++) {
      waiversByRule.computeIfAbsent(config.waivers().get(i).rule(), k -> new ArrayList<>()).add(i);
    }
    int[] matched = new int[config.waivers().size()];
    boolean[] expired = new boolean[config.waivers().size()];
    for (int i = 0; i < expired.length; i++) {
      expired[i] = options.today().isAfter(config.waivers().get(i).expires());
    }
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      Finding result = f;
      if (auditRuleIds.contains(f.ruleId())) {
        out.add(result);
        continue;
      }
      for (InlineIgnores.Comment c : commentsIn.getOrDefault(f.position().path(), List.of())) {
        if (c.covers(f.position().line()) && c.ruleIds().contains(f.ruleId())) {
          used.get(c).add(f.ruleId());
          if (!result.suppressed()) {
            result =
                result.suppressedBy(
                    new Suppression(Suppression.Kind.INLINE, c.reason().orElse(""), c.position()));
          }
        }
      }
      for (int i : waiversByRule.getOrDefault(f.ruleId(), List.of())) {
        Waiver w = config.waivers().get(i);
        if (matches(w, f)) {
          matched[i]++;
          if (!expired[i] && !result.suppressed()) {
            result =
                result.suppressedBy(
                    new Suppression(Suppression.Kind.WAIVER, w.reason(), w.position()));
          }
        }
      }
      out.add(result);
    }
    List<SuppressionAudit.Ignore> ignores = new ArrayList<>();
    used.forEach(
        (c, ids) ->
            ignores.add(
                new SuppressionAudit.Ignore(c.position(), c.line(), c.ruleIds(), c.reason(), ids)));
    List<SuppressionAudit.WaiverUse> waivers = new ArrayList<>();
    for (int i = 0; i < matched.length; i++) {
      waivers.add(new SuppressionAudit.WaiverUse(config.waivers().get(i), expired[i], matched[i]));
    }
    return new Outcome(
        out, new SuppressionAudit(ignores, waivers, ruleIds, auditRuleIds, options.today()));
  }

  /** Every ignore comment of the linted files and of poolguard.yaml, by file then line. */
  private List<InlineIgnores.Comment> comments(
      List<ConfigFile> files, Function<String, Optional<String>> texts) {
    // Embedded documents (a ConfigMap's application.yml) share their manifest's display path.
    Map<String, Boolean> scanned = new TreeMap<>();
    for (ConfigFile file : files) {
      if (file.format() != ConfigFile.Format.JSON) {
        scanned.putIfAbsent(file.displayPath(), isProperties(file.displayPath()));
      }
    }
    if (!config.displayPath().isEmpty()) {
      scanned.putIfAbsent(config.displayPath(), false);
    }
    List<InlineIgnores.Comment> all = new ArrayList<>();
    scanned.forEach(
        (path, properties) ->
            texts
                .apply(path)
                .ifPresent(text -> all.addAll(InlineIgnores.scan(path, text, properties))));
    return all;
  }

  private static boolean isProperties(String displayPath) {
    return displayPath.toLowerCase(java.util.Locale.ROOT).endsWith(".properties");
  }

  private boolean matches(Waiver w, Finding f) {
    if (!w.rule().equals(f.ruleId())) {
      return false;
    }
    if (w.service().isPresent() && !w.service().equals(f.service())) {
      return false;
    }
    if (w.path().isEmpty()) {
      return true;
    }
    String pattern = w.path().get();
    String path = f.position().path();
    return pathAnswers.computeIfAbsent(
        pattern.length() + ":" + pattern + "\0" + path, k -> pathMatches(pattern, path));
  }

  /**
   * A waiver's {@code path}, relative to poolguard.yaml, names a file, a folder (every file under
   * it), or a glob ({@code deploy/**}, {@code **}{@code /application-prod.yml}).
   */
  private boolean pathMatches(String pattern, String displayPath) {
    Path file = workingDirectory.resolve(displayPath).normalize();
    Path base = config.baseDir();
    if (!file.startsWith(base)) {
      return false;
    }
    Path relative = base.relativize(file);
    if (pattern.chars().anyMatch(ch -> "*?[{".indexOf(ch) >= 0)) {
      return globs
          .computeIfAbsent(pattern, Glob::compile)
          .matches(relative.toString().replace(java.io.File.separatorChar, '/'));
    }
    Path named = base.resolve(pattern).normalize();
    return file.startsWith(named);
  }
}
