package dev.poolguard.core.rule;

import dev.poolguard.core.config.SourcePosition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule reports: where and why. The engine turns it into a {@link Finding} by stamping the
 * rule id and the configured severity.
 *
 * @param message the finding's message, with the numbers
 * @param position the line a user must edit
 * @param related the other inputs of the verdict
 * @param service the service concerned, if any
 * @param profile the active profiles the verdict holds for, if any
 * @param subject what the finding is about within the service (a setting key, a database name):
 *     with the rule and service it identifies the finding across line shifts
 * @param remediation a fix specific to this finding; empty for the rule's general remediation
 * @param severity a graver severity than the rule's default that this finding deserves (a pool
 *     halved without proof); an explicit {@code severity} under {@code rules:} still wins
 */
public record Violation(
    String message,
    SourcePosition position,
    List<Related> related,
    Optional<String> service,
    Optional<String> profile,
    String subject,
    Optional<String> remediation,
    Optional<Severity> severity) {

  public Violation {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(position, "position");
    related = List.copyOf(related);
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(remediation, "remediation");
    Objects.requireNonNull(severity, "severity");
  }

  /** A violation at the rule's configured severity (the form rule packs built before 0.2). */
  public Violation(
      String message,
      SourcePosition position,
      List<Related> related,
      Optional<String> service,
      Optional<String> profile,
      String subject,
      Optional<String> remediation) {
    this(message, position, related, service, profile, subject, remediation, Optional.empty());
  }

  /** A violation tied to a file position only. */
  public static Violation at(SourcePosition position, String message) {
    return new Violation(
        message, position, List.of(), Optional.empty(), Optional.empty(), "", Optional.empty());
  }

  public Violation withService(String serviceName, String profiles) {
    return new Violation(
        message,
        position,
        related,
        Optional.of(serviceName),
        Optional.ofNullable(profiles),
        subject,
        remediation,
        severity);
  }

  public Violation withSubject(String newSubject) {
    return new Violation(
        message, position, related, service, profile, newSubject, remediation, severity);
  }

  public Violation withRelated(List<Related> more) {
    return new Violation(
        message, position, concat(related, more), service, profile, subject, remediation, severity);
  }

  public Violation withRemediation(String fix) {
    return new Violation(
        message, position, related, service, profile, subject, Optional.of(fix), severity);
  }

  /** This violation at {@code graver}, unless {@code rules:} sets the rule's severity. */
  public Violation withSeverity(Severity graver) {
    return new Violation(
        message, position, related, service, profile, subject, remediation, Optional.of(graver));
  }

  private static List<Related> concat(List<Related> a, List<Related> b) {
    var all = new java.util.ArrayList<Related>(a);
    all.addAll(b);
    return all;
  }
}
