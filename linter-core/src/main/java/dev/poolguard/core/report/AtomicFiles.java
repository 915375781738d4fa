package dev.poolguard.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes report files so that readers never see half a file: a temporary sibling, then a move. */
public final class AtomicFiles {

  private AtomicFiles() {}

  /**
   * A temporary file is private (0600); a report is for CI artifact viewers and reviewers, so it
   * gets the usual 0644 where the file system has POSIX permissions.
   */
  private static void readableByAll(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /**
   * Refuses a target {@link #write(Path, String, java.util.Collection)} would refuse, so that a
   * command writing several files can check them all before it writes any.
   *
   * @throws IOException saying why the target is refused
   */
  public static void refuseUnsafe(Path target, java.util.Collection<Path> inputs)
      throws IOException {
    if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !Files.exists(target)) {
      return; // nothing there, or a dangling link: the rename replaces the name only
    }
    java.nio.file.attribute.BasicFileAttributes attributes =
        Files.readAttributes(target, java.nio.file.attribute.BasicFileAttributes.class);
    if (attributes.isDirectory()) {
      throw new IOException("it is a folder");
    }
    if (!attributes.isRegularFile()) {
      throw new IOException(
          "it is not a regular file (a FIFO, socket or device); poolguard writes reports only"
              + " to regular files and never replaces anything else");
    }
    for (Path input : inputs) {
      if (Files.exists(input) && Files.isSameFile(target, input)) {
        throw new IOException(
            "it is one of the files this run read; write the report somewhere else");
      }
    }
  }

  public static void write(Path target, String text) throws IOException {
    write(target, text, java.util.Set.of());
  }

  /**
   * Writes {@code text} to {@code target} through a temporary sibling and a rename, or changes
   * nothing: a target that is not a regular file (a FIFO, socket, device or folder, also behind a
   * symlink) or that is one of {@code inputs} (the files the run read, compared as files, so a
   * symlink or a second name does not hide one) is refused before anything is written.
   *
   * @throws IOException with a message saying why, when refused or when writing fails
   */
  public static void write(Path target, String text, java.util.Collection<Path> inputs)
      throws IOException {
    refuseUnsafe(target, inputs);
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      readableByAll(temp);
      try {
        Files.move(
            temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
