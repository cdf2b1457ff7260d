package org.newsgraph.ingest;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsgraph.model.Position;
import org.newsgraph.model.Problem;
import org.newsgraph.model.Versions;
import org.newsgraph.source.ReaderLimits;

/**
 * The files the last runs rejected, with what was wrong with them, so that a file rejected before
 * and unchanged since is reported again without being read, parsed and mapped again.
 *
 * <p>A rejected file leaves nothing in the store, so the store cannot say it was seen: without
 * this, every run read every rejected file of a folder again (in a folder of polled feeds, the
 * snapshots cut short). An entry holds the file's path, its stamp (size and modification time, when
 * it was not racy), its SHA-256 and its problems; a file whose stamp equals the entry's is not
 * opened, one whose hash equals it is read and hashed but not parsed. Either way its problems are
 * reported as they were the first time, the file is counted as rejected, and the store is left as a
 * reading of it would leave it.
 *
 * <p>The entries travel in the stamp file ({@link StampCache}), trusted on the same terms: written
 * at a run's end, vouched for by the store in the run's last transaction. They also name the reader
 * limits and the newsgraph version they were made with; a run with others reads every file again.
 * Loaded before the walk and then only read by the workers; the changes of a run are kept apart
 * ({@link Changes}) and applied by the writer at the end.
 */
final class RejectedFiles {

  /**
   * One remembered rejection.
   *
   * @param path the file's absolute normalised path
   * @param name the file as it was named in its problems when read
   * @param kind what it was read as ({@code feed}, {@code record}, …), or null
   * @param stamp its stamp when read, or null when it was racy (then only its hash is compared)
   * @param sha256 the SHA-256 of its bytes, hex
   * @param problems what was wrong, as reported (their source names the file as it was named then)
   */
  record Entry(
      String path,
      String name,
      String kind,
      FileStamp stamp,
      String sha256,
      List<Problem> problems) {

    /** Copies the list. */
    Entry {
      problems = List.copyOf(problems);
    }

    /** This entry with the file's stamp of this run (null when racy). */
    Entry withStamp(FileStamp now) {
      return new Entry(path, name, kind, now, sha256, problems);
    }

    /**
     * The problems as they are reported now: a problem that named the file by its display name
     * names it by its display name of this run (the working directory may differ).
     */
    List<Problem> problemsNow() {
      String now = FileWork.displayName(path);
      if (now.equals(name)) {
        return problems;
      }
      List<Problem> renamed = new ArrayList<>(problems.size());
      for (Problem p : problems) {
        renamed.add(
            p.source().equals(name)
                ? new Problem(now, p.position(), p.severity(), p.message(), p.unknownKey())
                : p);
      }
      return renamed;
    }
  }

  private final Map<String, Entry> byPath = new HashMap<>();

  /** The entry of a path, or null. */
  Entry get(String path) {
    return byPath.get(path);
  }

  /** How many rejections are remembered. */
  int size() {
    return byPath.size();
  }

  /** True when a file's current stamp equals the one recorded with its rejection. */
  boolean stampEquals(String path, FileStamp stamp) {
    Entry entry = byPath.get(path);
    return entry != null && entry.stamp() != null && entry.stamp().equals(stamp);
  }

  /** The entry of a path whose bytes hash to {@code sha256}, or null. */
  Entry byHash(String path, String sha256) {
    Entry entry = byPath.get(path);
    return entry != null && entry.sha256().equals(sha256) ? entry : null;
  }

  /** Forgets every entry (a stamp file that turned out damaged half-way). */
  void clear() {
    byPath.clear();
  }

  /**
   * The fingerprint that entries are valid under: the reader limits decide what is refused, the
   * version how files are read.
   */
  static String fingerprint(ReaderLimits limits) {
    return Versions.newsgraph() + " " + limits;
  }

  /** Writes the entries with {@code changes} applied; entries of files now gone are dropped. */
  void write(DataOutputStream out, Changes changes, String fingerprint) throws IOException {
    Map<String, Entry> all = new LinkedHashMap<>(byPath);
    changes.applyTo(all);
    all.values().removeIf(e -> !Files.exists(Path.of(e.path())));
    out.writeUTF(fingerprint);
    out.writeInt(all.size());
    for (Entry e : all.values()) {
      out.writeUTF(e.path());
      out.writeUTF(e.name());
      out.writeUTF(e.kind() == null ? "" : e.kind());
      out.writeLong(e.stamp() == null ? -1 : e.stamp().size());
      out.writeLong(e.stamp() == null ? 0 : e.stamp().modifiedNanos());
      out.writeUTF(e.sha256());
      out.writeInt(e.problems().size());
      for (Problem p : e.problems()) {
        writeLong(out, p.source());
        out.writeInt(p.position().line());
        out.writeInt(p.position().column());
        out.writeByte(p.severity().ordinal());
        writeLong(out, p.message());
        out.writeBoolean(p.unknownKey() != null);
        if (p.unknownKey() != null) {
          writeLong(out, p.unknownKey());
        }
      }
    }
  }

  /**
   * Reads entries written by {@link #write}; entries made under another fingerprint are skipped.
   *
   * @throws IOException when the data is damaged (the caller then trusts nothing of the file)
   */
  void read(DataInputStream in, String fingerprint) throws IOException {
    boolean current = in.readUTF().equals(fingerprint);
    int count = in.readInt();
    if (count < 0) {
      throw new IOException("bad count");
    }
    Problem.Severity[] severities = Problem.Severity.values();
    for (int i = 0; i < count; i++) {
      String path = in.readUTF();
      String name = in.readUTF();
      String kind = in.readUTF();
      long size = in.readLong();
      long modified = in.readLong();
      String sha = in.readUTF();
      int n = in.readInt();
      if (n < 0) {
        throw new IOException("bad count");
      }
      List<Problem> problems = new ArrayList<>(Math.min(n, 1024));
      for (int j = 0; j < n; j++) {
        String source = readLong(in);
        Position at = new Position(in.readInt(), in.readInt());
        int severity = in.readByte();
        if (severity < 0 || severity >= severities.length) {
          throw new IOException("bad severity");
        }
        String message = readLong(in);
        String unknownKey = in.readBoolean() ? readLong(in) : null;
        problems.add(new Problem(source, at, severities[severity], message, unknownKey));
      }
      if (current) {
        FileStamp stamp = size < 0 ? null : new FileStamp(size, modified);
        byPath.put(path, new Entry(path, name, kind.isEmpty() ? null : kind, stamp, sha, problems));
      }
    }
  }

  private static void writeLong(DataOutputStream out, String text) throws IOException {
    LongText.write(out, text);
  }

  private static String readLong(DataInputStream in) throws IOException {
    return LongText.read(in, 1 << 24);
  }

  /** The rejections a run records and forgets, applied when the stamp file is written. */
  static final class Changes {
    private final Map<String, Entry> recorded = new LinkedHashMap<>();

    /** The file was rejected for these problems (again, or for the first time). */
    void reject(Entry entry) {
      recorded.put(entry.path(), entry);
    }

    /** The file was read without error, or is gone: its rejection is forgotten. */
    void forget(String path) {
      recorded.put(path, null);
    }

    private void applyTo(Map<String, Entry> entries) {
      recorded.forEach(
          (path, entry) -> {
            if (entry == null) {
              entries.remove(path);
            } else {
              entries.put(path, entry);
            }
          });
    }
  }
}
