package dev.runtimedoctor.bench;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The load benchmarks that need a fake server beside the bot ({@code bench-slack}: a fake Slack Web
 * API; {@code bench-cluster}: a fake Kubernetes API). They live here, outside the product jar, so
 * that no fake ships with the bot.
 */
@Command(
    name = "runtime-doctor-bench",
    mixinStandardHelpOptions = true,
    description = "Load benchmarks of Runtime Doctor against in-process fakes.")
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, out, err));
  }

  /** Runs the benchmark {@code args} name; 0 done, 1 failed, 2 bad usage. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new BenchMain());
    cl.addSubcommand(new BenchSlackCommand(out));
    cl.addSubcommand(new BenchClusterCommand(out));
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          err.println(line.getCommandName() + ": " + e.getMessage());
          return 1;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
