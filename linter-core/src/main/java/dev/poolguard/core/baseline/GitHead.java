package dev.poolguard.core.baseline;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a linted folder stands in git, read from the files under {@code .git} without starting JGit
 * (every lint run asks): the commit {@code HEAD} names, its branch, and the URL of the remote
 * {@code origin} as the repository's own config records it. Never touches the network.
 *
 * @param commit the full id of the commit {@code HEAD} names; empty before the first commit
 * @param branch the branch {@code HEAD} names; empty when detached
 * @param remoteUri the URL of {@code origin} (else of the only remote), credentials removed
 */
public record GitHead(
    Optional<String> commit, Optional<String> branch, Optional<String> remoteUri) {

  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
  private static final long MAX_BYTES = 1 << 20;

  /** The git state of the repository holding {@code anyPath}; empty outside a repository. */
  public static Optional<GitHead> of(Path anyPath) {
    try {
      for (Path dir = anyPath.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
        Path dotGit = dir.resolve(".git");
        if (Files.isDirectory(dotGit)) {
          return Optional.of(read(dotGit, dotGit));
        }
        if (Files.isRegularFile(dotGit)) {
          // A worktree or submodule: "gitdir: PATH"; shared refs and config live in commondir.
          String text = small(dotGit).strip();
          if (!text.startsWith("gitdir:")) {
            return Optional.empty();
          }
          Path gitDir = dir.resolve(text.substring("gitdir:".length()).strip()).normalize();
          Path common = gitDir;
          Path commonFile = gitDir.resolve("commondir");
          if (Files.isRegularFile(commonFile)) {
            common = gitDir.resolve(small(commonFile).strip()).normalize();
          }
          return Optional.of(read(gitDir, common));
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static GitHead read(Path gitDir, Path common) throws IOException {
    String head = small(gitDir.resolve("HEAD")).strip();
    Optional<String> branch = Optional.empty();
    Optional<String> commit;
    if (head.startsWith("ref:")) {
      String ref = head.substring(4).strip();
      if (ref.startsWith("refs/heads/")) {
        branch = Optional.of(ref.substring("refs/heads/".length()));
      }
      commit = ref(gitDir, common, ref);
    } else {
      commit = Optional.of(head).filter(h -> OBJECT_ID.matcher(h).matches());
    }
    return new GitHead(commit, branch, remote(common));
  }

  private static Optional<String> ref(Path gitDir, Path common, String ref) throws IOException {
    for (Path dir : List.of(gitDir, common)) {
      Path loose = dir.resolve(ref);
      if (loose.normalize().startsWith(dir) && Files.isRegularFile(loose)) {
        String id = small(loose).strip();
        return Optional.of(id).filter(h -> OBJECT_ID.matcher(h).matches());
      }
    }
    Path packed = common.resolve("packed-refs");
    if (Files.isRegularFile(packed)) {
      for (String line : small(packed).split("\n")) {
        String[] parts = line.strip().split(" ", 2);
        if (parts.length == 2 && parts[1].equals(ref) && OBJECT_ID.matcher(parts[0]).matches()) {
          return Optional.of(parts[0]);
        }
      }
    }
    return Optional.empty();
  }

  /** The URL of remote {@code origin}, else of the only remote, from {@code config}. */
  private static Optional<String> remote(Path common) throws IOException {
    Path config = common.resolve("config");
    if (!Files.isRegularFile(config)) {
      return Optional.empty();
    }
    List<String[]> remotes = new ArrayList<>();
    String section = null;
    for (String raw : small(config).split("\n")) {
      String line = raw.strip();
      if (line.startsWith("[")) {
        section = remoteName(line).orElse(null);
      } else if (section != null) {
        int eq = line.indexOf('=');
        if (eq > 0 && line.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("url")) {
          remotes.add(new String[] {section, line.substring(eq + 1).strip()});
        }
      }
    }
    Optional<String> url =
        remotes.stream().filter(r -> r[0].equals("origin")).map(r -> r[1]).findFirst();
    if (url.isEmpty() && remotes.size() == 1) {
      url = Optional.of(remotes.get(0)[1]);
    }
    return url.flatMap(GitHead::withoutCredentials);
  }

  private static Optional<String> remoteName(String header) {
    // [remote "origin"]
    String h = header.replace(" ", "");
    if (!h.startsWith("[remote\"") || !h.endsWith("\"]")) {
      return Optional.empty();
    }
    return Optional.of(h.substring("[remote\"".length(), h.length() - 2));
  }

  /**
   * A URL safe to print: user info (a token in {@code https://user:token@host}) is dropped; a local
   * path or an scp-like {@code git@host:path} is kept only when it holds no password.
   */
  static Optional<String> withoutCredentials(String url) {
    if (url.isEmpty()) {
      return Optional.empty();
    }
    if (url.contains("://")) {
      try {
        URI uri = new URI(url);
        if (uri.getHost() == null) {
          return Optional.empty();
        }
        URI clean =
            new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
        return Optional.of(clean.toString());
      } catch (URISyntaxException e) {
        return Optional.empty();
      }
    }
    int at = url.indexOf('@');
    int colon = url.indexOf(':');
    if (at > 0 && colon > at && !url.substring(0, at).contains(":")) {
      // git@github.com:owner/repo.git: SARIF wants a URI, so write it as ssh://.
      return Optional.of("ssh://" + url.substring(0, colon) + "/" + url.substring(colon + 1));
    }
    return Optional.empty();
  }

  private static String small(Path file) throws IOException {
    if (Files.size(file) > MAX_BYTES) {
      throw new IOException(file + " is too large");
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
