package dev.runtimedoctor.bot.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What every command gets from its caller instead of reaching for globals; {@code terminal} says
 * that standard input is a person's terminal, not a pipe or a file.
 */
record CliContext(
    Map<String, String> env, InputStream in, boolean terminal, PrintWriter out, PrintWriter err) {}
