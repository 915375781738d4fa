package dev.poolguard.core;

/**
 * poolguard could not lint: a usage or input error (bad flag, unreadable path, invalid {@code
 * poolguard.yaml}). The message is one line for users; entry points map it to exit code 2.
 */
public final class LintException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LintException(String message) {
    super(message);
  }

  public LintException(String message, Throwable cause) {
    super(message, cause);
  }
}
