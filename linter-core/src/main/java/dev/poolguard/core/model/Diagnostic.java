package dev.poolguard.core.model;

import dev.poolguard.core.config.SourcePosition;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the resolvers noticed about how a setting reaches (or fails to reach) a service, for
 * the rules to report: an environment variable that binds to nothing, a config file mounted where
 * the framework does not look.
 *
 * @param kind what was noticed
 * @param service the service concerned
 * @param profile its active profiles
 * @param position where the setting is written
 * @param subject what it is about (a variable name, a file)
 * @param message one sentence for users
 * @param suggestion the name that would work, if there is one
 */
public record Diagnostic(
    Kind kind,
    String service,
    String profile,
    SourcePosition position,
    String subject,
    String message,
    Optional<String> suggestion) {

  public Diagnostic {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(suggestion, "suggestion");
  }

  /** The kinds of observation. */
  public enum Kind {
    /** An environment variable that looks like a pool setting but binds to no property. */
    ENV_BINDS_NOTHING,
    /** The legacy dash-to-underscore form of a HikariCP {@code connection-*} key. */
    ENV_LEGACY_HAZARD,
    /**
     * Config the framework refuses while it starts (a Spring Boot 2.3-style {@code spring.profiles}
     * document): the application does not start.
     */
    STARTUP_FAILS,
    /** Pool settings in a file the framework does not read (a ConfigMap mounted elsewhere). */
    SETTINGS_NOT_READ,
    /**
     * A file (or a workload in one) that was found but not used: a Helm template, a Deployment no
     * service runs in, a kind or file type poolguard does not model. Its service is empty.
     */
    FILE_NOT_USED
  }

  /** A file or object that was discovered but not used, at {@code position}, and why. */
  public static Diagnostic notUsed(SourcePosition position, String why) {
    return new Diagnostic(
        Kind.FILE_NOT_USED, "", "", position, position.path(), why, Optional.empty());
  }
}
