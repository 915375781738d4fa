package dev.poolguard.core.engine;

import java.nio.file.Path;

/** Turns paths into what users see: relative to the working directory, with forward slashes. */
record Display(Path workingDirectory) {

  String of(Path path) {
    Path absolute = workingDirectory.resolve(path).normalize();
    String shown =
        absolute.startsWith(workingDirectory)
            ? workingDirectory.relativize(absolute).toString()
            : absolute.toString();
    if (shown.isEmpty()) {
      shown = ".";
    }
    return shown.replace('\\', '/');
  }
}
