package dev.runtimedoctor.knowledge.entry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads entry files: the packs bundled in this library, or a directory of extra entries. A pack is
 * a folder of entry files; its name is the folder's name.
 */
public final class EntryLoader {
  /** Where the bundled packs sit on the class path, one folder each. */
  public static final String BUNDLED = "dev/runtimedoctor/knowledge/entries";

  /**
   * The bundled packs, in the order their entries are listed: the seed's known issues of the GKE
   * container runtime first, then the everyday failure modes of pods and nodes.
   */
  public static final List<String> PACKS = List.of("gke-runtime", "everyday");

  private static final long MAX_ENTRY_BYTES = 512 * 1024;

  private EntryLoader() {}

  /** The entries of every bundled pack. */
  public static List<Entry> bundled() {
    return bundled(PACKS);
  }

  /**
   * The entries of the bundled {@code packs}, in the order of {@link #PACKS}; a pack whose folder
   * holds no entry gives none.
   *
   * @throws IllegalArgumentException when a name is not one of {@link #PACKS}
   */
  public static List<Entry> bundled(Collection<String> packs) {
    for (String p : packs) {
      if (!PACKS.contains(p)) {
        throw new IllegalArgumentException(
            "unknown pack '"
                + p
                + "'"
                + Suggestions.didYouMean(p, PACKS)
                + " (bundled packs: "
                + String.join(", ", PACKS)
                + ")");
      }
    }
    Path root = bundledRoot();
    List<Folder> folders = new ArrayList<>();
    for (String p : PACKS) {
      Path dir = root.resolve(p);
      if (packs.contains(p) && Files.isDirectory(dir)) {
        folders.add(new Folder(dir, p, "entries/" + p + "/"));
      }
    }
    try {
      return load(folders);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read bundled entries: " + e.getMessage(), e);
    } catch (EntryException e) {
      throw new IllegalStateException("a bundled entry is invalid: " + e.getMessage(), e);
    }
  }

  /** The folder of the bundled packs, in the jar or on disk. */
  private static Path bundledRoot() {
    URL url = EntryLoader.class.getClassLoader().getResource(BUNDLED);
    if (url == null) {
      throw new IllegalStateException("bundled entries missing from the class path: " + BUNDLED);
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          fs = FileSystems.newFileSystem(uri, Map.of());
        }
        return fs.getPath(BUNDLED);
      }
      return Path.of(uri);
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot read bundled entries: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a directory of entries: its own {@code *.md} files form a pack named after the directory,
   * and each subdirectory's {@code *.md} files a pack named after that subdirectory (the layout of
   * the bundled packs). Deeper folders, hidden files and hidden folders (such as the {@code ..data}
   * of a mounted ConfigMap) are not read.
   *
   * @throws EntryException for the first bad entry, or for an id used twice
   * @throws IOException when the directory cannot be read
   */
  public static List<Entry> loadDirectory(Path dir) throws EntryException, IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + " is not a directory");
    }
    String prefix = dir.toString().endsWith("/") ? dir.toString() : dir + "/";
    Path name = dir.toAbsolutePath().normalize().getFileName();
    List<Folder> folders = new ArrayList<>();
    folders.add(new Folder(dir, name == null ? EntryParser.NO_PACK : name.toString(), prefix));
    for (Path sub : list(dir, Files::isDirectory)) {
      String pack = sub.getFileName().toString();
      folders.add(new Folder(sub, pack, prefix + pack + "/"));
    }
    return load(folders);
  }

  /** A folder of entry files, the pack they belong to, and how messages name its files. */
  private record Folder(Path dir, String pack, String prefix) {}

  private static List<Entry> load(List<Folder> folders) throws EntryException, IOException {
    List<Entry> entries = new ArrayList<>();
    Map<String, Entry> byId = new HashMap<>();
    for (Folder folder : folders) {
      List<Path> files =
          list(
              folder.dir(),
              p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p));
      for (Path file : files) {
        String name = folder.prefix() + file.getFileName();
        Entry e = EntryParser.parse(name, read(file, name), folder.pack());
        Entry previous = byId.putIfAbsent(e.id(), e);
        if (previous != null) {
          throw new EntryException(
              name,
              2,
              "duplicate id '" + e.id() + "' (already defined in " + previous.source() + ")");
        }
        entries.add(e);
      }
    }
    return entries;
  }

  /** The children of {@code dir} that pass {@code filter} and are not hidden, sorted by name. */
  private static List<Path> list(Path dir, Predicate<Path> filter) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(filter)
          .sorted()
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static String read(Path file, String name) throws IOException, EntryException {
    if (Files.size(file) > MAX_ENTRY_BYTES) {
      throw new EntryException(name, 1, "file larger than " + MAX_ENTRY_BYTES / 1024 + " KiB");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readAllBytes();
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new EntryException(name, 1, "not valid UTF-8");
    }
  }
}
