package dev.poolguard.core.capacity;

import dev.poolguard.core.config.SourcePosition;

/**
 * One input of a capacity figure: where it is written and what it is ("orders-api replicas 6").
 * Rules turn these into the related locations of their findings.
 */
public record Input(SourcePosition position, String label) {}
