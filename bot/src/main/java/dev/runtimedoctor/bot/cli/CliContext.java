package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.bot.config.Environment;
import java.io.InputStream;
import java.io.PrintWriter;

/**
 * What every command gets from its caller instead of reaching for globals; {@code terminal} says
 * that standard input is a person's terminal, not a pipe or a file.
 *
 * @param env the process environment, read once by {@code Main}
 */
record CliContext(
    Environment env, InputStream in, boolean terminal, PrintWriter out, PrintWriter err) {}
