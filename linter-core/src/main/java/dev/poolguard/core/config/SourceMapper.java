package dev.poolguard.core.config;

/**
 * Turns 0-based parser coordinates into {@link SourcePosition}s of the file shown to the user,
 * shifted when the text is embedded in another file (a ConfigMap's {@code application.yml}).
 */
record SourceMapper(String path, int lineOffset, int columnOffset) {

  SourcePosition at(int line0, int column0) {
    return new SourcePosition(path, line0 + 1 + lineOffset, column0 + 1 + columnOffset);
  }

  SourcePosition start() {
    return at(0, 0);
  }
}
