package dev.runtimedoctor.deploy;

import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Dockerfile read the way the builder reads it — comments dropped, continuation lines joined —
 * into stages of instructions, so its content can be checked where no Docker engine runs.
 */
record Dockerfile(List<Dockerfile.Stage> stages) {

  /** One instruction: {@code COPY}, and what follows it on the logical line. */
  record Instruction(String keyword, String arguments) {
    /** The arguments of the exec (JSON array) form, e.g. {@code ENTRYPOINT ["java", …]}. */
    List<String> execForm() {
      List<String> out = new ArrayList<>();
      JsonParser.parseString(arguments).getAsJsonArray().forEach(e -> out.add(e.getAsString()));
      return out;
    }

    /** The words of the shell-like form, flags included. */
    List<String> words() {
      return List.of(arguments.trim().split("\\s+"));
    }
  }

  /** A {@code FROM image [AS name]} and the instructions up to the next one. */
  record Stage(String image, Optional<String> name, List<Instruction> instructions) {
    List<Instruction> all(String keyword) {
      return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** The last such instruction, which is the one that counts for ENTRYPOINT, CMD, USER. */
    Instruction last(String keyword) {
      List<Instruction> found = all(keyword);
      if (found.isEmpty()) {
        throw new AssertionError("no " + keyword + " in the stage FROM " + image);
      }
      return found.get(found.size() - 1);
    }
  }

  static Dockerfile parse(String text) {
    List<Stage> stages = new ArrayList<>();
    String image = null;
    Optional<String> name = Optional.empty();
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder logical = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && logical.length() == 0)) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      logical.append(trimmed);
      String full = logical.toString().strip();
      logical.setLength(0);
      if (full.isEmpty()) {
        continue;
      }
      int space = full.indexOf(' ');
      String keyword = (space < 0 ? full : full.substring(0, space)).toUpperCase(Locale.ROOT);
      String arguments = space < 0 ? "" : full.substring(space + 1).strip();
      if (keyword.equals("FROM")) {
        if (image != null) {
          stages.add(new Stage(image, name, instructions));
        }
        String[] words = arguments.split("\\s+");
        image = words[0];
        name =
            words.length == 3 && words[1].equalsIgnoreCase("AS")
                ? Optional.of(words[2])
                : Optional.empty();
        instructions = new ArrayList<>();
      } else if (image == null) {
        throw new IllegalArgumentException(keyword + " before the first FROM");
      } else {
        instructions.add(new Instruction(keyword, arguments));
      }
    }
    if (image != null) {
      stages.add(new Stage(image, name, instructions));
    }
    return new Dockerfile(List.copyOf(stages));
  }

  Stage last() {
    return stages.get(stages.size() - 1);
  }
}
