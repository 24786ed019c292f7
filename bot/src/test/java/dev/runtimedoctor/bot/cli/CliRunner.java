package dev.runtimedoctor.bot.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the command line in-process with given input and environment, and keeps what it printed. */
final class CliRunner {
  record Result(int code, String out, String err) {}

  private CliRunner() {}

  static Result run(byte[] stdin, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args,
            env,
            new ByteArrayInputStream(stdin),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  static Result run(String... args) {
    return run(new byte[0], Map.of(), args);
  }
}
