package org.newsgraph.ingest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.store.StoreException;

/**
 * The single-valued facts of every description of a bulk load, kept on disk until the load knows
 * which description of each graph wins: a loader can only add, so these facts cannot be written as
 * descriptions arrive (a later description may outrank an earlier one). Each description is written
 * as a marker quad carrying its sequence number, then its facts, in RDF Thrift; {@link #replay}
 * reads the file once, in order, and passes on the facts of the descriptions that won. The
 * multi-valued facts never come here: they go to the loader at once. Memory stays flat; the file is
 * about a kilobyte per record and is deleted by {@link #close()}. Used by one thread.
 */
final class OwnFactSpill implements AutoCloseable {

  private static final String PREFIX = "newsgraph-merge-";
  private static final Node SEQ = NodeFactory.createURI("urn:x-newsgraph:spill:description");

  private final Path file;
  private final OutputStream bytes;
  private final StreamRDF out;
  private boolean closed;

  /**
   * Starts a spill file in {@code directory}, first deleting the files a killed run left there.
   *
   * @throws StoreException when the file cannot be created (it is part of the load)
   */
  OwnFactSpill(Path directory) {
    try {
      deleteLeftovers(directory);
      this.file = Files.createTempFile(directory, PREFIX, ".rt");
      this.bytes = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    } catch (IOException e) {
      throw new StoreException(
          "cannot create a temporary file of the bulk load in " + directory + ": " + e.getMessage(),
          e);
    }
    this.out = StreamRDFWriter.getWriterStream(bytes, RDFFormat.RDF_THRIFT);
    out.start();
  }

  /**
   * Writes the single-valued facts of description number {@code seq} of {@code graph}.
   *
   * @throws StoreException when the file cannot be written (a full disk)
   */
  void add(int seq, Node graph, List<Triple> own) {
    try {
      out.quad(
          Quad.create(
              graph,
              graph,
              SEQ,
              NodeFactory.createLiteralDT(Integer.toString(seq), XSDDatatype.XSDint)));
      for (Triple t : own) {
        out.quad(Quad.create(graph, t));
      }
    } catch (RuntimeException e) {
      throw failure("write", e);
    }
  }

  private StoreException failure(String what, Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof IOException)) {
      cause = cause.getCause();
    }
    return new StoreException(
        "cannot "
            + what
            + " "
            + file
            + ", a temporary file of the bulk load: "
            + cause.getMessage(),
        e);
  }

  /** Decides which descriptions won. */
  interface Winners {
    /** True when description number {@code seq} of {@code graph} won. */
    boolean won(Node graph, int seq);
  }

  /**
   * Ends the file and reads it back, passing on the facts of each description that won.
   *
   * @throws StoreException when the file cannot be written or read
   */
  void replay(Winners winners, Consumer<Quad> sink) {
    finishWriting();
    try {
      parse(winners, sink);
    } catch (org.apache.jena.riot.RiotException | UncheckedIOException e) {
      throw failure("read", e);
    }
  }

  private void parse(Winners winners, Consumer<Quad> sink) {
    RDFParser.source(file)
        .lang(Lang.RDFTHRIFT)
        .parse(
            new StreamRDFBase() {
              private boolean keep;

              @Override
              public void quad(Quad quad) {
                if (quad.getPredicate().equals(SEQ)) {
                  keep =
                      winners.won(
                          quad.getGraph(),
                          Integer.parseInt(quad.getObject().getLiteralLexicalForm()));
                } else if (keep) {
                  sink.accept(quad);
                }
              }
            });
  }

  /** Deletes the file. */
  @Override
  public void close() {
    try {
      finishWriting();
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // Left behind; the next bulk load in this directory deletes it.
      }
    }
  }

  private void finishWriting() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.finish();
      bytes.close();
    } catch (IOException | RuntimeException e) {
      throw failure("write", e);
    }
  }

  private static void deleteLeftovers(Path directory) throws IOException {
    try (DirectoryStream<Path> old = Files.newDirectoryStream(directory, PREFIX + "*.rt")) {
      for (Path path : old) {
        Files.deleteIfExists(path);
      }
    }
  }
}
