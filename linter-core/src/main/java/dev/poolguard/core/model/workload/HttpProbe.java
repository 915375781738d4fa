package dev.poolguard.core.model.workload;

import dev.poolguard.core.config.SourcePosition;
import java.util.Objects;

/**
 * A container probe that calls an HTTP path ({@code httpGet.path}).
 *
 * @param path the path as written
 * @param position where the path is written
 */
public record HttpProbe(String path, SourcePosition position) {

  public HttpProbe {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(position, "position");
  }
}
