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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads entry files from a directory or from the entries bundled in this library. */
public final class EntryLoader {
  /** Where the bundled entries sit on the class path. */
  public static final String BUNDLED = "dev/runtimedoctor/knowledge/entries";

  private static final long MAX_ENTRY_BYTES = 512 * 1024;

  private EntryLoader() {}

  /** The entries shipped with Runtime Doctor. */
  public static List<Entry> bundled() {
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
        return loadDirectory(fs.getPath(BUNDLED), "entries/");
      }
      return loadDirectory(Path.of(uri), "entries/");
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot read bundled entries: " + e.getMessage(), e);
    } catch (EntryException e) {
      throw new IllegalStateException("a bundled entry is invalid: " + e.getMessage(), e);
    }
  }

  /**
   * Reads every {@code *.md} file of {@code dir} (not its subdirectories or hidden files).
   *
   * @throws EntryException for the first bad entry, or for an id used twice
   * @throws IOException when the directory cannot be read
   */
  public static List<Entry> loadDirectory(Path dir) throws EntryException, IOException {
    return loadDirectory(dir, dir.toString().endsWith("/") ? dir.toString() : dir + "/");
  }

  private static List<Entry> loadDirectory(Path dir, String prefix)
      throws EntryException, IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + " is not a directory");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(p -> p.getFileName().toString().endsWith(".md"))
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    List<Entry> entries = new ArrayList<>();
    Map<String, Entry> byId = new HashMap<>();
    for (Path file : files) {
      String name = prefix + file.getFileName();
      Entry e = EntryParser.parse(name, read(file, name));
      Entry previous = byId.putIfAbsent(e.id(), e);
      if (previous != null) {
        throw new EntryException(
            name,
            2,
            "duplicate id '" + e.id() + "' (already defined in " + previous.source() + ")");
      }
      entries.add(e);
    }
    return entries;
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
