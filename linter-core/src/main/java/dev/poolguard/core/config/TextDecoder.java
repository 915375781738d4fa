package dev.poolguard.core.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a config file's bytes into text: byte-order marks, UTF-8 validity, binary files, and the
 * ISO-8859-1 fallback that {@code .properties} files need.
 */
final class TextDecoder {

  private TextDecoder() {}

  /** The outcome of decoding: text, or why there is none and where. */
  sealed interface Result permits Text, Failure {}

  /**
   * Decoded text, without its byte-order mark; {@code fallback} says where the bytes stopped being
   * UTF-8 when a {@code .properties} file was read as ISO-8859-1 instead.
   */
  record Text(String text, Optional<Failure> fallback) implements Result {
    Text(String text) {
      this(text, Optional.empty());
    }
  }

  /** Why the bytes are not text; {@code line} and {@code column} are 1-based. */
  record Failure(String message, int line, int column) implements Result {}

  static Result decode(byte[] bytes, ConfigFile.Format format) {
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return decodeWide(bytes, StandardCharsets.UTF_16BE);
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return decodeWide(bytes, StandardCharsets.UTF_16LE);
    }
    int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return binary(latin1(bytes, start, i));
      }
    }
    Decoded utf8 = strictly(bytes, start, StandardCharsets.UTF_8);
    if (utf8.text() != null) {
      return new Text(utf8.text());
    }
    String before = strictly(bytes, start, utf8.badOffset(), StandardCharsets.UTF_8).text();
    int[] where = lineAndColumn(before);
    Failure notUtf8 =
        new Failure(
            String.format(
                Locale.ROOT,
                "not valid UTF-8: byte 0x%02X at line %d, column %d",
                bytes[utf8.badOffset()] & 0xFF,
                where[0],
                where[1]),
            where[0],
            where[1]);
    if (format == ConfigFile.Format.PROPERTIES) {
      // Spring reads .properties as ISO-8859-1; real files are often UTF-8, so that comes first.
      return new Text(latin1(bytes, start, bytes.length), Optional.of(notUtf8));
    }
    return notUtf8;
  }

  private static Result decodeWide(byte[] bytes, Charset charset) {
    Decoded decoded = strictly(bytes, 2, charset);
    if (decoded.text() == null) {
      String before = strictly(bytes, 2, decoded.badOffset(), charset).text();
      int[] where = lineAndColumn(before == null ? "" : before);
      return new Failure("not valid " + charset.name() + " (byte-order mark)", where[0], where[1]);
    }
    int nul = decoded.text().indexOf('\0');
    return nul >= 0 ? binary(decoded.text().substring(0, nul)) : new Text(decoded.text());
  }

  private static Failure binary(String before) {
    int[] where = lineAndColumn(before);
    return new Failure("binary file (NUL byte at line " + where[0] + ")", where[0], where[1]);
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String latin1(byte[] bytes, int from, int to) {
    return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
  }

  /** Text, or the offset of the first byte that is not valid in {@code charset}. */
  private record Decoded(String text, int badOffset) {}

  private static Decoded strictly(byte[] bytes, int from, Charset charset) {
    return strictly(bytes, from, bytes.length, charset);
  }

  private static Decoded strictly(byte[] bytes, int from, int to, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
    CharBuffer out = CharBuffer.allocate(to - from + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      return new Decoded(null, in.position());
    }
    return new Decoded(out.flip().toString(), -1);
  }

  /**
   * The 1-based line and column just after {@code before}; CR LF, CR and LF each end a line, as
   * they do for YAML and {@code .properties}.
   */
  static int[] lineAndColumn(String before) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < before.length(); i++) {
      char c = before.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == before.length() || before.charAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, before.codePointCount(lineStart, before.length()) + 1};
  }
}
