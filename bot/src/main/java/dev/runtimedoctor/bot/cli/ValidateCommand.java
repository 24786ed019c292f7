package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.EntryException;
import dev.runtimedoctor.knowledge.entry.EntryLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code validate [DIR]}: lint entries, exit 1 with file, line and reason on the first bad one. */
@Command(name = "validate", description = "Check entries: the bundled ones, or those in DIR.")
final class ValidateCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Parameters(
      arity = "0..1",
      paramLabel = "DIR",
      description =
          "Directory of *.md entries (default: $KNOWLEDGE_DIR, else the bundled entries).")
  Path dir;

  ValidateCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Path target = dir;
    if (target == null && ctx.env().get("KNOWLEDGE_DIR") != null) {
      target = Path.of(ctx.env().get("KNOWLEDGE_DIR"));
    }
    List<Entry> entries;
    try {
      entries = target == null ? EntryLoader.bundled() : EntryLoader.loadDirectory(target);
    } catch (EntryException e) {
      ctx.err().println(e.getMessage());
      return 1;
    } catch (IOException e) {
      throw new UserException("cannot read " + target + ": " + e.getMessage());
    }
    ctx.out()
        .println(
            "ok: "
                + entries.size()
                + " entries"
                + (target == null ? " (bundled)" : " in " + target));
    return 0;
  }
}
