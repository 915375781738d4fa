package dev.poolguard.core.config;

/** A node of a parsed configuration document; every node knows where it was written. */
public sealed interface ConfigNode permits MapNode, ListNode, ScalarNode {

  SourcePosition position();
}
