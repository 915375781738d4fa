package dev.poolguard.core.config;

import java.util.List;

/** A sequence in source order. */
public record ListNode(List<ConfigNode> items, SourcePosition position) implements ConfigNode {

  public ListNode {
    items = List.copyOf(items);
  }
}
