package org.newsgraph.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.map.MappingException;
import org.newsgraph.map.RecordMapper;
import org.newsgraph.model.Position;
import org.newsgraph.model.Problem;
import org.newsgraph.source.ReadResult;
import org.newsgraph.source.Record;
import org.newsgraph.source.RecordReader;

/**
 * The work done on a worker thread for one file: hash it, compare with the index, and when changed
 * read, parse and map it. Thread-safe (the reader, mapper and index are).
 */
final class FileWork {

  /** The name of standard input in problems and in the metadata. */
  static final String STDIN = "<stdin>";

  private final RecordReader reader;
  private final RecordMapper mapper;
  private final SourceIndex index;
  private final RejectedFiles rejected;
  private final boolean checksum;

  /**
   * @param checksum hash every file; otherwise a file whose size and modification time equal the
   *     recorded stamp is skipped without being read
   * @param rejected the files rejected before: one unchanged since is reported again, not parsed
   */
  FileWork(
      RecordReader reader,
      RecordMapper mapper,
      SourceIndex index,
      RejectedFiles rejected,
      boolean checksum) {
    this.reader = reader;
    this.mapper = mapper;
    this.index = index;
    this.rejected = rejected;
    this.checksum = checksum;
  }

  /**
   * Processes one file. Never throws for bad input: problems are in the result. A file whose stamp
   * equals the recorded one is unchanged without being read (unless {@code checksum}). Otherwise a
   * file within the size cap is read once: the bytes that are hashed are the bytes that are parsed.
   * A larger one is hashed as a stream (its hash still tells whether it changed) and refused by the
   * reader. A file rejected before and unchanged since (by its stamp, else by its hash) is not
   * parsed: its result is the rejection remembered, with the same problems.
   */
  FileResult file(Path file) {
    String path = file.toAbsolutePath().normalize().toString();
    String name = displayName(path);
    byte[] bytes = null;
    String sha;
    FileStamp stamp;
    try {
      stamp = FileStamp.of(file);
      if (!checksum && index.stampEquals(path, stamp)) {
        return FileResult.unchanged(name, path, null, stamp, false);
      }
      if (!checksum && rejected.stampEquals(path, stamp)) {
        return rejectedAgain(rejected.get(path), stamp);
      }
      Instant readAt = Instant.now();
      if (stamp.size() <= reader.limits().maxFileBytes()) {
        bytes = Files.readAllBytes(file);
        sha = HexFormat.of().formatHex(Provenance.digest().digest(bytes));
      } else {
        sha = hash(file);
      }
      if (stamp.racyAt(readAt) || !stamp.equals(FileStamp.of(file))) {
        stamp = null; // modified moments before (or while) it was read: hash it again next time
      }
    } catch (IOException e) {
      return FileResult.failed(
          name, path, Problem.error(name, Position.START, "cannot read file: " + e.getMessage()));
    }
    if (sha.equals(index.sha256(path))) {
      boolean restamp = stamp != null && !index.stampEquals(path, stamp);
      return FileResult.unchanged(name, path, sha, stamp, restamp);
    }
    RejectedFiles.Entry before = rejected.byHash(path, sha);
    if (before != null) {
      return rejectedAgain(before, stamp);
    }
    FileResult result;
    try {
      ReadResult read = bytes != null ? reader.read(bytes, file, name) : reader.read(file, name);
      result = map(name, path, sha, stamp, read);
    } catch (StackOverflowError e) {
      // A parser that recurses (a library's, on input nested past every check) ran out of stack:
      // this file is refused, the thread's stack is unwound, and the run goes on.
      return FileResult.failed(
          name,
          path,
          Problem.error(name, Position.START, "nested too deeply to be read (stack overflow)"));
    }
    return result.rejected()
        ? result
        : result.with(FileResult.Stored.lookUp(index, path, result.descriptions()));
  }

  /** The result of a file rejected before, unchanged since: its problems as they were. */
  private static FileResult rejectedAgain(RejectedFiles.Entry entry, FileStamp stamp) {
    return new FileResult(
        FileWork.displayName(entry.path()),
        entry.path(),
        entry.sha256(),
        FileResult.Outcome.READ,
        List.of(),
        entry.problemsNow(),
        stamp,
        false,
        entry.kind(),
        java.util.Map.of(),
        null);
  }

  /**
   * What to remember of a rejected result so that the file is not parsed again while unchanged, or
   * null for one not to remember (standard input, a file that could not be read, a WARC file).
   */
  static RejectedFiles.Entry rejection(FileResult result) {
    if (!result.rejected()
        || result.outcome() != FileResult.Outcome.READ
        || result.path().equals(STDIN)
        || result.sha256() == null
        || result.sha256().length() != 64
        || !result.skippedRecords().isEmpty()
        || "WARC".equals(result.kind())) {
      return null;
    }
    return new RejectedFiles.Entry(
        result.path(),
        result.name(),
        result.kind(),
        result.stamp(),
        result.sha256(),
        result.problems());
  }

  /** The result for a file the walker found unchanged by its stamp: nothing to read or do. */
  FileResult unchangedByStamp(Path file) {
    String path = file.toAbsolutePath().normalize().toString();
    return FileResult.unchanged(displayName(path), path, null, null, false);
  }

  /**
   * Reads a file again for the merge at the end of a run: the descriptions it gives now.
   *
   * @param path an absolute normalised path
   * @return its descriptions; none when it is gone, unreadable or rejected (a clean ingest of the
   *     folder would not have them either)
   */
  List<Description> reread(String path) {
    Path file = Path.of(path);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    FileResult result =
        map(displayName(path), path, "", null, reader.read(file, displayName(path)));
    return result.descriptions();
  }

  /**
   * How a file is named in messages and in its graphs' {@code dcterms:source}: relative to the
   * working directory when it lies below it, else absolute. A function of the path alone, so that a
   * file read again for a merge is named as it was when first read, however the user named it.
   */
  static String displayName(String absolutePath) {
    Path file = Path.of(absolutePath);
    Path here = Path.of("").toAbsolutePath().normalize();
    return file.startsWith(here) && !file.equals(here)
        ? here.relativize(file).toString()
        : absolutePath;
  }

  /**
   * True when a file's stamp equals the recorded one (and every file is not to be hashed): it was
   * read as a record before and has not changed since, so the walker need not look into it.
   */
  boolean knownUnchanged(Path file, BasicFileAttributes attributes) {
    return !checksum
        && index.stampEquals(
            file.toAbsolutePath().normalize().toString(), FileStamp.of(attributes));
  }

  /** The result for a file the walker skipped. */
  FileResult skipped(Path file, String why) {
    String path = file.toAbsolutePath().normalize().toString();
    return FileResult.skipped(displayName(path), path, why);
  }

  /** Processes standard input, already read: it is never skipped as unchanged. */
  FileResult stdin(byte[] bytes) {
    String sha = HexFormat.of().formatHex(Provenance.digest().digest(bytes));
    return map(STDIN, STDIN, sha, null, reader.read(new ByteArrayInputStream(bytes), STDIN));
  }

  private FileResult map(String name, String path, String sha, FileStamp stamp, ReadResult result) {
    List<Problem> found = new ArrayList<>(result.problems());
    List<Description> descriptions = new ArrayList<>();
    for (Record record : result.records()) {
      try {
        TripleCollector own = new TripleCollector();
        TripleCollector shared = new TripleCollector();
        Node graph = mapper.map(record, own, shared, found);
        descriptions.add(Description.of(record, path, graph, own.triples, shared.triples));
      } catch (MappingException e) {
        found.add(Problem.error(record.source(), e.position(), e.getMessage()));
      }
    }
    boolean rejected = found.stream().anyMatch(Problem::isError);
    return new FileResult(
        name,
        path,
        sha,
        FileResult.Outcome.READ,
        rejected ? List.of() : descriptions,
        found,
        stamp,
        false,
        result.kind(),
        result.skippedRecords(),
        null);
  }

  private static String hash(Path file) throws IOException {
    MessageDigest digest = Provenance.digest();
    byte[] buffer = new byte[16384];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Collects the quads of one record (all in one graph) as triples. */
  private static final class TripleCollector extends StreamRDFBase {
    final List<Triple> triples = new ArrayList<>();

    @Override
    public void quad(Quad quad) {
      triples.add(quad.asTriple());
    }

    @Override
    public void triple(Triple triple) {
      triples.add(triple);
    }
  }
}
