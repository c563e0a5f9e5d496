package io.kubeload.yaml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Decodes an input as strict UTF-8, naming the line of the first byte that is not. */
public final class SourceText {

  private SourceText() {}

  /**
   * An input's text and the count of bytes it was decoded from: a caller that keeps this, not the
   * bytes, lets them be collected while the text is read (a 50 MB repository's bytes would
   * otherwise stay beside its 50 MB of text for the whole parse).
   */
  public record Decoded(String text, long bytes) {}

  /** {@link #decode} with the count of bytes it read. */
  public static Decoded decodeCounted(String file, byte[] bytes) {
    return new Decoded(decode(file, bytes), bytes.length);
  }

  public static String decode(String file, byte[] bytes) {
    int offset = startsWithUtf8Bom(bytes) ? 3 : 0;
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      throw new InputException(file, 1, "UTF-16 text is not supported; convert the file to UTF-8");
    }
    List<Bytes> ranges = LineRanges.of(bytes, offset, (from, to) -> Bytes.of(bytes, from, to));
    for (Bytes range : ranges) {
      if (range.firstNul() >= 0) {
        throw new InputException(
            file,
            lineAt(bytes, range.firstNul()),
            "binary data (a NUL byte): not a YAML or JSON file");
      }
    }
    if (ranges.stream().allMatch(Bytes::ascii)) {
      // ASCII is UTF-8 as it is, and Latin-1 too: the JDK copies it into a compact string without
      // looking at it again, where the strict decoder below went through a char buffer twice the
      // input's size (100 MB for a 50 MB repository).
      return new String(bytes, offset, bytes.length - offset, StandardCharsets.ISO_8859_1);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new InputException(file, lineAt(bytes, in.position()), "not valid UTF-8 text");
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  /** A range of an input's bytes: where its first NUL is (-1: none), and whether it is all ASCII. */
  private record Bytes(int firstNul, boolean ascii) {
    static Bytes of(byte[] bytes, int from, int to) {
      boolean ascii = true;
      for (int i = from; i < to; i++) {
        if (bytes[i] <= 0) {
          if (bytes[i] == 0) {
            return new Bytes(i, false);
          }
          ascii = false;
        }
      }
      return new Bytes(-1, ascii);
    }
  }

  private static boolean startsWithUtf8Bom(byte[] bytes) {
    return bytes.length >= 3
        && bytes[0] == (byte) 0xEF
        && bytes[1] == (byte) 0xBB
        && bytes[2] == (byte) 0xBF;
  }

  private static int lineAt(byte[] bytes, int position) {
    int line = 1;
    for (int i = 0; i < position && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
