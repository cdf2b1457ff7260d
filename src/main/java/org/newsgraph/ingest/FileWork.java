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
import org.newsgraph.store.GraphContent;

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
  private final boolean checksum;

  /**
   * @param checksum hash every file; otherwise a file whose size and modification time equal the
   *     recorded stamp is skipped without being read
   */
  FileWork(RecordReader reader, RecordMapper mapper, SourceIndex index, boolean checksum) {
    this.reader = reader;
    this.mapper = mapper;
    this.index = index;
    this.checksum = checksum;
  }

  /**
   * Processes one file. Never throws for bad input: problems are in the result. A file whose stamp
   * equals the recorded one is unchanged without being read (unless {@code checksum}). Otherwise a
   * file within the size cap is read once: the bytes that are hashed are the bytes that are parsed.
   * A larger one is hashed as a stream (its hash still tells whether it changed) and refused by the
   * reader.
   */
  FileResult file(Path file) {
    String name = file.toString();
    String path = file.toAbsolutePath().normalize().toString();
    byte[] bytes = null;
    String sha;
    FileStamp stamp;
    try {
      stamp = FileStamp.of(file);
      if (!checksum && index.stampEquals(path, stamp)) {
        return new FileResult(name, path, null, true, List.of(), List.of(), List.of(), stamp, false);
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
      return FileResult.failed(name, path, Problem.error(name, Position.START, "cannot read file: " + e.getMessage()));
    }
    if (sha.equals(index.sha256(path))) {
      boolean restamp = stamp != null && !index.stampEquals(path, stamp);
      return new FileResult(name, path, sha, true, List.of(), List.of(), List.of(), stamp, restamp);
    }
    ReadResult read = bytes != null ? reader.read(bytes, file, name) : reader.read(file, name);
    return map(name, path, sha, stamp, read);
  }

  /** The result for a file the walker found unchanged by its stamp: nothing to read or do. */
  FileResult unchangedByStamp(Path file) {
    return new FileResult(file.toString(), file.toAbsolutePath().normalize().toString(), null, true,
        List.of(), List.of(), List.of(), null, false);
  }

  /**
   * True when a file's stamp equals the recorded one (and every file is not to be hashed): it was
   * read as a record before and has not changed since, so the walker need not look into it.
   */
  boolean knownUnchanged(Path file, BasicFileAttributes attributes) {
    return !checksum && index.stampEquals(file.toAbsolutePath().normalize().toString(), FileStamp.of(attributes));
  }

  /** Processes standard input, already read: it is never skipped as unchanged. */
  FileResult stdin(byte[] bytes) {
    String sha = HexFormat.of().formatHex(Provenance.digest().digest(bytes));
    return map(STDIN, STDIN, sha, null, reader.read(new ByteArrayInputStream(bytes), STDIN));
  }

  private FileResult map(String name, String path, String sha, FileStamp stamp, ReadResult result) {
    List<Problem> found = new ArrayList<>(result.problems());
    List<GraphContent> graphs = new ArrayList<>();
    List<Position> positions = new ArrayList<>();
    for (Record record : result.records()) {
      try {
        TripleCollector collector = new TripleCollector();
        Node graph = mapper.map(record, collector, found);
        graphs.add(new GraphContent(graph, collector.triples));
        positions.add(record.position());
      } catch (MappingException e) {
        found.add(Problem.error(record.source(), e.position(), e.getMessage()));
      }
    }
    boolean rejected = found.stream().anyMatch(Problem::isError);
    return new FileResult(name, path, sha, false, rejected ? List.of() : graphs,
        rejected ? List.of() : positions, found, stamp, false);
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
