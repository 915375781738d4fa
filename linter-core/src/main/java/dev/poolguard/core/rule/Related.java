package dev.poolguard.core.rule;

import dev.poolguard.core.config.SourcePosition;

/** Another input of a verdict: where it is and what it is ("baseline value", "replicas"). */
public record Related(SourcePosition position, String label) {}
