package dev.runtimedoctor.bot.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/** What every command gets from its caller instead of reaching for globals. */
record CliContext(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err) {}
