package dev.runtimedoctor.bot.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard output as a {@link PrintWriter} that remembers why a write failed, so a
 * reader that went away ({@code | head}) can be told from a full disk: the first is how pipes end
 * and needs no message, the second loses output and does.
 */
final class StandardOutput extends PrintWriter {
  private final Recorder recorder;

  private StandardOutput(Recorder recorder) {
    super(new OutputStreamWriter(recorder, StandardCharsets.UTF_8), true);
    this.recorder = recorder;
  }

  /**
   * On the file descriptor itself rather than {@code System.out}: a {@link java.io.PrintStream}
   * swallows write errors, and a failed write must reach {@link #checkError()}.
   */
  static StandardOutput open() {
    return new StandardOutput(new Recorder(new FileOutputStream(FileDescriptor.out)));
  }

  /** Whether a write failed because the reading end of a pipe was closed. */
  boolean readerGone() {
    IOException e = recorder.failure;
    return e != null && e.getMessage() != null && e.getMessage().contains("Broken pipe");
  }

  /** Passes writes through, keeping the first failure. */
  private static final class Recorder extends FilterOutputStream {
    private IOException failure;

    Recorder(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        failure = failure == null ? e : failure;
        throw e;
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
        throw e;
      }
    }
  }
}
