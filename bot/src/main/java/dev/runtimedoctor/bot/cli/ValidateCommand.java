package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.EntryException;
import dev.runtimedoctor.knowledge.entry.EntryLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code validate [DIR]}: lint entries, exit 1 with file, line and reason on the first bad one —
 * what loading checks, plus {@link EntryLint}'s rules — and on a folder with no entries.
 */
@Command(
    name = "validate",
    description = {
      "Check entries: the bundled ones, or those in DIR. Besides the format, each check's type and"
          + " parameters must exist in this build, and each file must be named after its id.",
    },
    footer = {
      "",
      "Exit 0 when every entry is good, 1 with file:line: reason on the first bad one (or when DIR"
          + " holds no entries), 2 when DIR cannot be read."
    })
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
    Path target = dir != null ? dir : ctx.env().knowledgeDir().orElse(null);
    List<Entry> entries;
    try {
      entries = target == null ? EntryLoader.bundled() : EntryLoader.loadDirectory(target);
    } catch (EntryException e) {
      ctx.err().println(e.getMessage());
      return ExitCodes.INTERNAL;
    } catch (IOException e) {
      throw new UserException("cannot read " + target + ": " + e.getMessage());
    }
    if (entries.isEmpty()) {
      ctx.err()
          .println(
              target
                  + " holds no entries (*.md files with front matter): is it the folder of"
                  + " entries?");
      return ExitCodes.INTERNAL;
    }
    for (Entry e : entries) {
      Optional<String> problem = EntryLint.problem(e, text(target, e));
      if (problem.isPresent()) {
        ctx.err().println(problem.get());
        return ExitCodes.INTERNAL;
      }
    }
    ctx.out()
        .println(
            "ok: "
                + entries.size()
                + " entries"
                + (target == null ? " (bundled)" : " in " + target));
    return ExitCodes.OK;
  }

  /** The file an entry came from: in {@code dir}, or bundled on the class path. */
  private static String text(Path dir, Entry e) {
    // Sources name the pack folder too ("entries/everyday/oom-killed.md", "DIR/team/x.md").
    String prefix =
        dir == null ? "entries/" : (dir.toString().endsWith("/") ? dir + "" : dir + "/");
    String relative =
        e.source().startsWith(prefix)
            ? e.source().substring(prefix.length())
            : e.source().substring(e.source().lastIndexOf('/') + 1);
    try {
      if (dir != null) {
        return Files.readString(dir.resolve(relative), StandardCharsets.UTF_8);
      }
      try (InputStream in =
          ValidateCommand.class
              .getClassLoader()
              .getResourceAsStream(EntryLoader.BUNDLED + "/" + relative)) {
        if (in == null) {
          throw new IOException("not on the class path");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException ex) {
      throw new UserException("cannot read " + e.source() + ": " + ex.getMessage());
    }
  }
}
