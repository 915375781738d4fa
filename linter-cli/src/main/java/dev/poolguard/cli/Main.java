package dev.poolguard.cli;

/** The {@code poolguard} executable. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(PoolguardCommand.run(args, System.out, System.err, System.getenv()));
  }
}
