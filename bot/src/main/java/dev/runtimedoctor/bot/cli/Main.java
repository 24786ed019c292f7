package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.bot.config.Environment;
import dev.runtimedoctor.bot.errors.ErrorReference;
import dev.runtimedoctor.knowledge.entry.Suggestions;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
    CommandLine cl =
        commandLine(new CliContext(Environment.of(env), in, terminal, out, err), rest[0]);
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

  /** A command's name, as its {@code @Command} gives it, and how to make it. */
  private record Subcommand(String name, Function<CliContext, Object> make) {}

  /** Every command, in the order the help lists them. */
  private static final List<Subcommand> SUBCOMMANDS =
      List.of(
          new Subcommand("ask", AskCommand::new),
          new Subcommand("batch", BatchCommand::new),
          new Subcommand("eval", EvalCommand::new),
          new Subcommand("check", CheckCommand::new),
          new Subcommand("validate", ValidateCommand::new),
          new Subcommand("list", ListCommand::new),
          new Subcommand("show", ShowCommand::new),
          new Subcommand("bench", BenchCommand::new),
          new Subcommand("serve", ServeCommand::new),
          new Subcommand("slack-manifest", SlackManifestCommand::new),
          new Subcommand("feedback", FeedbackCommand::new),
          new Subcommand("completion", CompletionCommand::new),
          new Subcommand("help", ctx -> new HelpCommand()));

  /** The commands that read the whole tree: the others run with only themselves under the root. */
  private static final Set<String> NEED_EVERY_COMMAND = Set.of("help", "completion");

  /** Every command, wired to the caller's streams: also what the completion script is made of. */
  static CommandLine commandLine(CliContext ctx) {
    return commandLine(ctx, SUBCOMMANDS);
  }

  /**
   * The command line for arguments that start with {@code first}: when it names a command, that
   * command alone under the root, since picocli reads every command's annotations when it is added
   * (a fifth of a cold {@code ask}, README "Cold start"); otherwise (options, help, a typo that
   * needs "did you mean") every command.
   */
  static CommandLine commandLine(CliContext ctx, String first) {
    for (Subcommand s : SUBCOMMANDS) {
      if (s.name().equals(first) && !NEED_EVERY_COMMAND.contains(first)) {
        return commandLine(ctx, List.of(s));
      }
    }
    return commandLine(ctx);
  }

  private static CommandLine commandLine(CliContext ctx, List<Subcommand> subcommands) {
    CommandLine cl = new CommandLine(new Main());
    for (Subcommand s : subcommands) {
      cl.addSubcommand(s.make().apply(ctx));
    }
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
