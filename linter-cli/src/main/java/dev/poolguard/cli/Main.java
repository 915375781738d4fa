package dev.poolguard.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The {@code poolguard} executable. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    boolean debug = Arrays.asList(args).contains("--debug");
    // No "Exception in thread" ever reaches a user, whichever thread fails.
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, t) ->
            Runtime.getRuntime().halt(PoolguardCommand.internalError(t, stderr(), debug)));
    // picocli otherwise looks for Groovy's Closure class on the class path at start-up.
    System.setProperty("picocli.disable.closures", "true");
    int code;
    try {
      code = PoolguardCommand.run(args, System.out, System.err, System.getenv());
    } catch (Throwable t) {
      code = PoolguardCommand.internalError(t, stderr(), debug);
    }
    System.exit(code);
  }

  private static PrintWriter stderr() {
    return new PrintWriter(
        new SafeErr(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8)), true);
  }
}
