package dev.poolguard.core.baseline;

import dev.poolguard.core.LintException;
import dev.poolguard.core.model.DeploymentModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * A baseline snapshot: the effective model as versioned JSON ({@code {"poolguardSnapshot": 1,
 * "services": [...], "notes": [...]}}), with every value's provenance, secrets masked, and
 * byte-identical for the same model.
 */
public final class Snapshot {

  /** The snapshot layout this poolguard writes and reads; raised on incompatible changes. */
  public static final int VERSION = 1;

  /** The top-level field holding the version; its presence marks a file as a snapshot. */
  static final String VERSION_FIELD = "poolguardSnapshot";

  private Snapshot() {}

  /**
   * Writes {@code model} sorted (services by name and profiles, datasources by name, settings by
   * key, notes), secrets masked. Leaves {@code out} open.
   */
  public static void write(DeploymentModel model, Writer out) {
    try {
      SnapshotWriter.write(model, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a snapshot back; a model written by {@link #write} reads back equal, except that masked
   * secrets stay masked.
   *
   * @throws LintException naming the file and what to do when it is missing, unreadable, not JSON,
   *     not a snapshot, or of a version this poolguard does not support
   */
  public static DeploymentModel read(Path file) {
    return new SnapshotReader(file).read();
  }
}
