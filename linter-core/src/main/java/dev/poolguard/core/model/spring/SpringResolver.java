package dev.poolguard.core.model.spring;

import dev.poolguard.core.config.ConfigFile;
import dev.poolguard.core.config.ConfigNode;
import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.DataSource;
import dev.poolguard.core.model.Diagnostic;
import dev.poolguard.core.model.Framework;
import dev.poolguard.core.model.Observability;
import dev.poolguard.core.model.Origin;
import dev.poolguard.core.model.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Works out the effective HikariCP settings of a Spring Boot service from its config files, as
 * Spring Boot's config data processing would: locations, profile files, activated documents,
 * imports, placeholders and relaxed binding.
 */
public final class SpringResolver {

  static final String HIKARI_PREFIX = "spring.datasource.hikari";
  static final Pattern MAVEN_TOKEN = Pattern.compile("@[^@]*@");

  private final SpringInput input;
  private final EnvLayer env;
  private final SpringDocs docs;
  private final List<SpringDoc> docsInFileOrder = new ArrayList<>();

  private SpringResolver(SpringInput input) {
    this.input = input;
    this.env = new EnvLayer(input.external().environment());
    this.docs = new SpringDocs(input);
  }

  /**
   * The service's effective configuration. When nothing names the active profiles, the result holds
   * the {@code default} profile and, as what-ifs, each profile the config declares.
   */
  public static List<Service> resolve(SpringInput input) {
    return new SpringResolver(input).run();
  }

  private record Profiles(List<String> names, String source) {}

  /** The deployment's property sources, highest precedence first. */
  private List<Layer> externalLayers() {
    ExternalSources ext = input.external();
    List<Layer> layers = new ArrayList<>();
    layers.add(Layer.of(SpringLists.arguments(ext.arguments())));
    ext.applicationJson()
        .ifPresent(
            json -> {
              for (ConfigNode node : json.documents()) {
                layers.add(Layer.of(Flattener.flatten(node, Origin.Kind.APPLICATION_JSON)));
              }
            });
    layers.add(Layer.of(ext.systemProperties().stream().map(Property::external).toList()));
    layers.add(env);
    return layers;
  }

  /**
   * What the service's environment variables do that users would not expect: variables that bind to
   * nothing, and the legacy form that breaks HikariCP binding.
   */
  public static List<Diagnostic> environmentDiagnostics(
      SpringInput input, String service, String profile) {
    List<Diagnostic> out = new ArrayList<>();
    for (EnvLayer.Finding f : new EnvLayer(input.external().environment()).findings()) {
      out.add(
          new Diagnostic(
              f.kind(),
              service,
              profile,
              f.variable().origin().position(),
              f.variable().name(),
              f.message(),
              f.suggestion()));
    }
    return out;
  }

  /**
   * What makes Spring Boot refuse to start each of these services (resolved from {@code input}):
   * Boot 2.3-style {@code spring.profiles} documents, profile settings where Boot forbids them.
   */
  public static List<Diagnostic> startupDiagnostics(SpringInput input, List<Service> services) {
    SpringResolver resolver = new SpringResolver(input);
    resolver.loadDocs();
    List<Diagnostic> out = new ArrayList<>();
    for (Service s : services) {
      for (StartupChecks.Refusal r :
          StartupChecks.refusals(
              resolver.externalLayers(),
              resolver.docsInFileOrder,
              new LinkedHashSet<>(s.profiles()),
              input.external().onKubernetes())) {
        out.add(
            new Diagnostic(
                Diagnostic.Kind.STARTUP_FAILS,
                s.name(),
                s.profileLabel(),
                r.property().value().position(),
                r.property().writtenAs(),
                r.message(),
                Optional.empty()));
      }
    }
    return out;
  }

  private void loadDocs() {
    for (SpringFile file : sortedFiles()) {
      if (!file.isBootstrap()) {
        docsInFileOrder.addAll(docs.of(file));
      }
    }
  }

  private List<Service> run() {
    loadDocs();
    List<Service> services = new ArrayList<>();
    for (Profiles profiles : variants()) {
      services.add(service(profiles));
    }
    return services;
  }

  // ---- documents -------------------------------------------------------------------------

  private List<SpringFile> sortedFiles() {
    return input.files().stream()
        .sorted(
            Comparator.comparingInt(SpringFile::location)
                .thenComparing(f -> f.profile().orElse(""))
                .thenComparingInt(SpringFile::nameRank)
                .thenComparing(SpringFile::isProperties)
                .thenComparing(f -> f.file().displayPath()))
        .toList();
  }

  /** Documents in precedence order, lowest first, for the given active profiles. */
  private List<SpringDoc> ordered(List<String> profiles) {
    Set<String> active = new LinkedHashSet<>(profiles);
    List<SpringDoc> result = new ArrayList<>();
    Set<Integer> locations = new TreeSet<>();
    docsInFileOrder.forEach(d -> locations.add(d.file().location()));
    // Packaged files, then files outside the application; in each, default then profile files,
    // then the profile-specific variants of imported files (the oracle places them there).
    for (boolean external : List.of(false, true)) {
      List<SpringDoc> variants = new ArrayList<>();
      for (SpringDoc doc : docsInFileOrder) {
        if (doc.file().external() == external
            && doc.file().profile().isEmpty()
            && active(doc, active)) {
          addWithImports(doc, active, result, variants);
        }
      }
      for (int location : locations) {
        for (String profile : profiles) {
          for (SpringDoc doc : docsInFileOrder) {
            if (doc.file().external() == external
                && doc.file().location() == location
                && doc.file().profile().filter(profile::equals).isPresent()
                && active(doc, active)) {
              addWithImports(doc, active, result, variants);
            }
          }
        }
      }
      for (int i = 0; i < variants.size() && i < MAX_VARIANTS; i++) {
        addWithImports(variants.get(i), active, result, variants);
      }
    }
    return result;
  }

  private static final int MAX_VARIANTS = 64;

  private void addWithImports(
      SpringDoc doc, Set<String> active, List<SpringDoc> result, List<SpringDoc> variants) {
    result.add(doc);
    for (SpringDoc imported : doc.imports()) {
      if (active(imported, active)) {
        addWithImports(imported, active, result, variants);
      }
    }
    for (SpringDoc.ImportTarget target : doc.importTargets()) {
      for (String profile : active) {
        for (SpringDoc variant : docs.variant(target, profile)) {
          if (active(variant, active)) {
            variants.add(variant);
          }
        }
      }
    }
  }

  private boolean active(SpringDoc doc, Set<String> profiles) {
    if (doc.onCloudPlatform().isPresent()
        && !(input.external().onKubernetes()
            && doc.onCloudPlatform().get().equalsIgnoreCase("kubernetes"))) {
      return false;
    }
    try {
      return doc.onProfile().isEmpty() || ProfileExpression.matchesAny(doc.onProfile(), profiles);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  // ---- profiles --------------------------------------------------------------------------

  private List<Profiles> variants() {
    // The container's profile settings (SPRING_PROFILES_ACTIVE, -D, --) beat the config files'.
    // Boot binds profile settings from every document, also those whose on-profile is not (yet)
    // active (ConfigDataEnvironment.withProfiles binds with FAIL_ON_BIND_TO_INACTIVE_SOURCE, which
    // only spring.profiles.include turns into a failure: StartupChecks).
    List<Layer> base = new ArrayList<>(externalLayers());
    base.addAll(
        highestFirst(docsInFileOrder.stream().filter(d -> d.file().profile().isEmpty()).toList()));
    Profiles chosen = chosenProfiles(base);
    if (chosen != null) {
      return List.of(expand(chosen, base));
    }
    SpringLists.ListValue defaults = SpringLists.listValue(base, "spring.profiles.default");
    List<String> defaultNames = SpringLists.usable(defaults.values());
    List<Profiles> variants = new ArrayList<>();
    variants.add(
        expand(
            new Profiles(
                defaultNames.isEmpty() ? List.of("default") : defaultNames,
                "default (no active profile is set)"),
            base));
    for (String declared : declaredProfiles()) {
      if (!variants.get(0).names().contains(declared)) {
        variants.add(expand(new Profiles(List.of(declared), "what-if: declared in config"), base));
      }
    }
    return variants;
  }

  /** The active profiles from --profile, config or poolguard.yaml; null when nothing sets them. */
  private Profiles chosenProfiles(List<Layer> base) {
    if (input.profileOverride().isPresent()) {
      return new Profiles(input.profileOverride().get(), "--profile");
    }
    SpringLists.ListValue active = SpringLists.listValue(base, "spring.profiles.active");
    List<String> names = SpringLists.usable(active.values());
    if (!names.isEmpty()) {
      return new Profiles(names, active.where());
    }
    if (!input.configuredProfiles().isEmpty()) {
      return new Profiles(input.configuredProfiles(), "profiles in poolguard.yaml");
    }
    return null;
  }

  /** Adds {@code spring.profiles.include} and expands {@code spring.profiles.group}. */
  private Profiles expand(Profiles profiles, List<Layer> base) {
    List<String> names =
        new ArrayList<>(
            SpringLists.usable(SpringLists.listValue(base, "spring.profiles.include").values()));
    names.addAll(profiles.names());
    LinkedHashSet<String> expanded = new LinkedHashSet<>();
    for (String name : names) {
      addWithGroup(name, base, expanded, 0);
    }
    return new Profiles(List.copyOf(expanded), profiles.source());
  }

  private void addWithGroup(String name, List<Layer> base, Set<String> out, int depth) {
    if (!out.add(name) || depth > 8) {
      return;
    }
    for (String member :
        SpringLists.usable(SpringLists.listValue(base, "spring.profiles.group." + name).values())) {
      addWithGroup(member, base, out, depth + 1);
    }
  }

  /** Profiles that config files or documents are written for, in name order. */
  private Set<String> declaredProfiles() {
    Set<String> declared = new TreeSet<>();
    for (SpringDoc doc : docsInFileOrder) {
      doc.file().profile().ifPresent(declared::add);
      for (String expression : doc.onProfile()) {
        String e = expression.strip();
        if (e.matches("[A-Za-z0-9_.-]+")) {
          declared.add(e);
        }
      }
    }
    return declared;
  }

  private static List<Layer> highestFirst(List<SpringDoc> lowestFirst) {
    List<Layer> layers = new ArrayList<>();
    for (int i = lowestFirst.size() - 1; i >= 0; i--) {
      layers.add(lowestFirst.get(i).layer());
    }
    return layers;
  }

  private Service service(Profiles profiles) {
    List<SpringDoc> ordered = ordered(profiles.names());
    List<Layer> layers = new ArrayList<>(externalLayers());
    layers.addAll(highestFirst(ordered));
    PropertyLookup lookup = new PropertyLookup(layers);
    String name = input.name();
    if (!input.nameFixed()) {
      Optional<String> appName =
          lookup
              .resolved("spring.application.name")
              .filter(s -> !s.isBlank() && !MAVEN_TOKEN.matcher(s).find());
      if (appName.isPresent()) {
        name = appName.get();
      }
    }
    List<String> files = new ArrayList<>();
    ordered.forEach(
        d -> {
          if (!files.contains(d.file().file().displayPath())) {
            files.add(d.file().file().displayPath());
          }
        });
    SourcePosition serviceAnchor =
        input.files().isEmpty()
            ? SourcePosition.startOf(input.name())
            : SourcePosition.startOf(sortedFiles().get(0).file().displayPath());
    List<DataSource> dataSources =
        new SpringDataSources(input, docsInFileOrder).of(lookup, serviceAnchor);
    return new Service(
            name,
            Framework.SPRING,
            profiles.names(),
            profiles.source(),
            files,
            dataSources,
            serviceAnchor)
        .withObservability(new Observability(Optional.empty(), MetricsSettings.of(lookup)));
  }

  /** Files this resolver was given, for callers that need them in Spring's order. */
  static List<ConfigFile> files(SpringInput input) {
    return input.files().stream().map(SpringFile::file).toList();
  }
}
