package dev.poolguard.core.config;

/**
 * Why a file cannot be loaded; thrown inside the loaders only and turned into an {@link
 * LoadProblem.Kind#UNPARSEABLE} problem before anything leaves the package.
 */
final class LoadFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient SourcePosition position;

  LoadFailure(String message, SourcePosition position) {
    // No stack trace: this is an expected outcome of bad input, not a bug.
    super(message, null, false, false);
    this.position = position;
  }

  SourcePosition position() {
    return position;
  }
}
