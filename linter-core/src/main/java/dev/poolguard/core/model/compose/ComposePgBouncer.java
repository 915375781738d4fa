package dev.poolguard.core.model.compose;

import dev.poolguard.core.config.SourcePosition;
import dev.poolguard.core.model.pooler.Pooler;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A docker-compose service that runs PgBouncer, with the pooler its configuration describes and the
 * hosts its {@code [databases]} entries connect to.
 *
 * @param service the compose service name
 * @param position where the service is declared
 * @param names every name services reach it by (service name, hostname, aliases)
 * @param image the image as written
 * @param pooler the pooler its mounted pgbouncer.ini or its image's environment gives
 * @param backends the hosts of its {@code [databases]} entries, in order
 * @param files the files read for it (a mounted pgbouncer.ini and its includes)
 */
public record ComposePgBouncer(
    String service,
    SourcePosition position,
    List<String> names,
    String image,
    Pooler pooler,
    List<Backend> backends,
    List<Path> files) {

  public ComposePgBouncer {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(pooler, "pooler");
    names = List.copyOf(names);
    backends = List.copyOf(backends);
    files = List.copyOf(files);
  }

  /**
   * A host a {@code [databases]} entry connects to.
   *
   * @param host the {@code host=} value (or the image variable that gives it)
   * @param position where it is written
   * @param how how it is given, for reports ({@code DATABASE_URL}, {@code pgbouncer.ini})
   */
  public record Backend(String host, SourcePosition position, String how) {}
}
