package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.bot.errors.ErrorReference;
import dev.runtimedoctor.knowledge.entry.Suggestions;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line: {@code ask}, {@code batch}, {@code serve}, {@code check}, {@code validate},
 * {@code list}, {@code show}, {@code bench}, {@code bench-slack}, {@code slack-manifest}, {@code
 * feedback}, {@code eval}, {@code completion}, {@code help}. Exit codes are {@link ExitCodes}.
 */
@Command(
    name = "runtime-doctor",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    version = "runtime-doctor 0.1.0",
    description = "Recognises known GKE container-runtime issues in pasted logs.",
    footer = {
      "",
      "Exit codes: 0 done, 1 internal error or output not written, 2 bad usage or input,"
          + " 3 (check) no cluster check could run.",
      "'runtime-doctor help COMMAND' or 'runtime-doctor COMMAND --help' describes a command."
    })
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  /** The line a bare call prints. */
  static final String HINT =
      "usage: runtime-doctor COMMAND [OPTIONS] (runtime-doctor --help lists the commands)";

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = StandardOutput.open();
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(args, System.getenv(), System.in, System.console() != null, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command with the given streams and environment; returns the exit code. */
  public static int run(
      String[] args, Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err) {
    return run(args, env, in, false, out, err);
  }

  /**
   * As {@link #run(String[], Map, InputStream, PrintWriter, PrintWriter)}; {@code terminal} says
   * that standard input is a person's terminal rather than a pipe or a file.
   */
  public static int run(
      String[] args,
      Map<String, String> env,
      InputStream in,
      boolean terminal,
      PrintWriter out,
      PrintWriter err) {
    List<String> argList = Arrays.asList(args);
    boolean debug = argList.contains("--debug");
    String[] rest = argList.stream().filter(a -> !a.equals("--debug")).toArray(String[]::new);
    if (rest.length == 0) {
      err.println(HINT);
      err.flush();
      return ExitCodes.USAGE;
    }
    CommandLine cl = commandLine(new CliContext(env, in, terminal, out, err));
    cl.setParameterExceptionHandler((ex, a) -> usageError(cl, ex, err));
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof UserException u) {
            err.println(u.getMessage());
            return u.exitCode();
          }
          String ref = ErrorReference.next();
          log.error("internal error ref={}", ref, ex);
          err.println(
              "something went wrong (ref "
                  + ref
                  + ")"
                  + (debug ? "" : "; run with --debug for details"));
          if (debug) {
            ex.printStackTrace(err);
          }
          return ExitCodes.INTERNAL;
        });
    int code = cl.execute(rest);
    // PrintWriter never throws: a full disk or a closed pipe only shows here.
    if (out.checkError()) {
      code = ExitCodes.INTERNAL;
      // "| head" closing the pipe early is how pipes end, not a loss worth a message.
      if (!(out instanceof StandardOutput so && so.readerGone())) {
        err.println(
            "runtime-doctor: cannot write the output (full disk, or the reader went away):"
                + " what was printed is incomplete");
      }
    }
    err.flush();
    return code;
  }

  /** Every command, wired to the caller's streams: also what the completion script is made of. */
  static CommandLine commandLine(CliContext ctx) {
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
    cl.addSubcommand(new SlackManifestCommand(ctx));
    cl.addSubcommand(new FeedbackCommand(ctx));
    cl.addSubcommand(new CompletionCommand(ctx));
    cl.addSubcommand(new HelpCommand());
    cl.setOut(ctx.out());
    cl.setErr(ctx.err());
    return cl;
  }

  /** One line: what was wrong, a suggestion when there is one, and where the help is. */
  private static int usageError(CommandLine root, ParameterException ex, PrintWriter err) {
    CommandLine at = ex.getCommandLine();
    String name = at.getCommandSpec().qualifiedName();
    String message = ex.getMessage();
    if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String word = u.getUnmatched().get(0);
      if (at == root && !word.startsWith("-")) {
        message =
            "unknown command '"
                + word
                + "'"
                + Suggestions.didYouMean(word, root.getSubcommands().keySet());
      } else if (word.startsWith("-")) {
        String bare = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        message =
            "unknown option '"
                + bare
                + "'"
                + Suggestions.didYouMean(bare, at.getCommandSpec().optionsMap().keySet());
      } else {
        message = "unexpected argument '" + word + "'";
      }
    }
    err.println(message + " (see '" + name + " --help')");
    return ExitCodes.USAGE;
  }
}
