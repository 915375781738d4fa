package dev.poolguard.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An effective setting: the text the framework binds, where it came from, and the origins it
 * overrode (most recent first).
 *
 * @param text the effective text; for an {@link State#UNKNOWN} value, empty
 * @param state whether the value is set, a library default, or not knowable before deployment
 * @param origin where the effective value came from
 * @param overridden the origins it beat, highest precedence first
 * @param unknown why the value is unknown, for {@link State#UNKNOWN}
 * @param via the sources its placeholders were resolved from, in the order looked up: for {@code
 *     max: ${DB_POOL_MAX:8}} the environment entry that set {@code DB_POOL_MAX}
 */
public record Value(
    String text,
    State state,
    Origin origin,
    List<Origin> overridden,
    Optional<Unknown> unknown,
    List<Origin> via) {

  public Value {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(origin, "origin");
    overridden = List.copyOf(overridden);
    Objects.requireNonNull(unknown, "unknown");
    via = List.copyOf(via);
  }

  /** A value whose text was written where it came from (no placeholder chain). */
  public Value(
      String text, State state, Origin origin, List<Origin> overridden, Optional<Unknown> unknown) {
    this(text, state, origin, overridden, unknown, List.of());
  }

  /** This value, its placeholders resolved from {@code sources}. */
  public Value withVia(List<Origin> sources) {
    return new Value(text, state, origin, overridden, unknown, sources);
  }

  /** How much is known about a value. */
  public enum State {
    SET,
    DEFAULT,
    UNKNOWN
  }

  /** Why a value cannot be known: an unresolved placeholder or a secret. */
  public record Unknown(Cause cause, String name) {

    /** The reasons a value is unknown. */
    public enum Cause {
      UNRESOLVED_PLACEHOLDER,
      SECRET
    }
  }

  public static Value set(String text, Origin origin, List<Origin> overridden) {
    return new Value(text, State.SET, origin, overridden, Optional.empty());
  }

  public static Value defaultValue(String text, Origin origin) {
    return new Value(text, State.DEFAULT, origin, List.of(), Optional.empty());
  }

  public static Value unknown(Unknown why, Origin origin, List<Origin> overridden) {
    return new Value("", State.UNKNOWN, origin, overridden, Optional.of(why));
  }

  public boolean isSet() {
    return state == State.SET;
  }

  public boolean isDefault() {
    return state == State.DEFAULT;
  }

  public boolean isKnown() {
    return state != State.UNKNOWN;
  }

  /**
   * The value as a whole number the way Spring's conversion reads it (decimal, or hex with {@code
   * 0x}/{@code #}, surrounding white space ignored); empty when it does not bind to a long.
   */
  public OptionalLong asLong() {
    if (!isKnown()) {
      return OptionalLong.empty();
    }
    return Numbers.parseLong(text);
  }
}
