package dev.poolguard.core.project;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Immutable, sorted copies: maps iterate by key so that every output is deterministic. */
final class Copies {

  private Copies() {}

  static <V> SortedMap<String, V> sorted(Map<String, V> map) {
    TreeMap<String, V> copy = new TreeMap<>();
    map.forEach(
        (k, v) -> {
          if (k == null || v == null) {
            throw new NullPointerException("null key or value in " + map);
          }
          copy.put(k, v);
        });
    return Collections.unmodifiableSortedMap(copy);
  }
}
