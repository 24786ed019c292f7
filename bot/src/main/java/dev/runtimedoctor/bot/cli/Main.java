package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.knowledge.entry.Suggestions;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code ask}, {@code batch}, {@code serve}, {@code check}, {@code validate},
 * {@code list}, {@code show}, {@code bench}, {@code bench-slack}, {@code slack-manifest}, {@code
 * feedback}, {@code eval}. Exit 0 done, 1 internal error, 2 bad usage or input.
 */
@Command(
    name = "runtime-doctor",
    mixinStandardHelpOptions = true,
    version = "runtime-doctor 0.1.0",
    description = "Recognises known GKE container-runtime issues in pasted logs.")
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(args, System.getenv(), System.in, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command with the given streams and environment; returns the exit code. */
  public static int run(
      String[] args, Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err) {
    List<String> argList = Arrays.asList(args);
    boolean debug = argList.contains("--debug");
    String[] rest = argList.stream().filter(a -> !a.equals("--debug")).toArray(String[]::new);
    CliContext ctx = new CliContext(env, in, out, err);
    CommandLine cl = new CommandLine(new Main());
    cl.addSubcommand(new AskCommand(ctx));
    cl.addSubcommand(new BatchCommand(ctx));
    cl.addSubcommand(new EvalCommand(ctx));
    cl.addSubcommand(new CheckCommand(ctx));
    cl.addSubcommand(new ValidateCommand(ctx));
    cl.addSubcommand(new ListCommand(ctx));
    cl.addSubcommand(new ShowCommand(ctx));
    cl.addSubcommand(new BenchCommand(ctx));
    cl.addSubcommand(new ServeCommand(ctx));
    cl.addSubcommand(new BenchSlackCommand(ctx));
    cl.addSubcommand(new BenchClusterCommand(ctx));
    cl.addSubcommand(new SlackManifestCommand(ctx));
    cl.addSubcommand(new FeedbackCommand(ctx));
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          String first = a.length > 0 ? a[0] : "";
          if (!first.startsWith("-") && !cl.getSubcommands().containsKey(first)) {
            err.println(
                "unknown command '"
                    + first
                    + "'"
                    + Suggestions.didYouMean(first, cl.getSubcommands().keySet())
                    + " (see 'runtime-doctor --help')");
          } else {
            err.println(ex.getMessage() + " (see 'runtime-doctor " + first + " --help')");
          }
          return 2;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof UserException u) {
            err.println(u.getMessage());
            return u.exitCode();
          }
          String ref = UUID.randomUUID().toString().substring(0, 8);
          log.error("internal error ref={}", ref, ex);
          err.println(
              "something went wrong (ref "
                  + ref
                  + ")"
                  + (debug ? "" : "; run with --debug for details"));
          if (debug) {
            ex.printStackTrace(err);
          }
          return 1;
        });
    if (rest.length == 0) {
      cl.usage(err);
      return 2;
    }
    int code = cl.execute(rest);
    out.flush();
    err.flush();
    return code;
  }
}
