package org.newsgraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFOps;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.model.OutputFormat;
import org.newsgraph.store.GraphStore;
import org.newsgraph.vocab.NewsVocab;

/**
 * Writes the store, or one graph of it, in an RDF syntax. Turtle, TriG, N-Triples and N-Quads
 * stream; JSON-LD and RDF/XML are built in memory. Files are written to a temporary file beside the
 * target and renamed into place, so a failure never leaves a half-written file where the old one
 * was.
 */
public final class Exporter {

  /** Prefixes written at the top of Turtle and TriG. */
  public static final Map<String, String> PREFIXES =
      Map.of(
          "news", NewsVocab.NS,
          "schema", NewsVocab.SCHEMA,
          "skos", NewsVocab.SKOS,
          "dcterms", NewsVocab.DCTERMS,
          "prov", NewsVocab.PROV,
          "xsd", NewsVocab.XSD,
          "rdfs", NewsVocab.RDFS,
          "owl", NewsVocab.OWL);

  private final GraphStore store;

  /** An exporter of a store. */
  public Exporter(GraphStore store) {
    this.store = store;
  }

  /**
   * Exports to a stream.
   *
   * @param format the syntax; one that {@link OutputFormat#forExports() exports}
   * @param graph one graph to export, or null for all of them
   * @param out the stream; flushed, not closed
   */
  public void export(OutputFormat format, Node graph, OutputStream out) {
    if (format.rdfFormat() == null) {
      throw new IllegalArgumentException("format " + format.label() + " cannot export a store");
    }
    if (!format.streaming()) {
      DatasetGraph copy = DatasetGraphFactory.createTxnMem();
      PREFIXES.forEach((p, ns) -> copy.prefixes().add(p, ns));
      StreamRDF collector = new QuadCollector(copy);
      store.exportQuads(graph, format.quads() ? collector : new UnionTriples(collector));
      if (format.quads()) {
        RDFDataMgr.write(out, copy, format.rdfFormat());
      } else {
        RDFDataMgr.write(out, copy.getDefaultGraph(), format.rdfFormat());
      }
      flush(out);
      return;
    }
    StreamRDF writer = StreamRDFWriter.getWriterStream(out, format.rdfFormat());
    writer.start();
    if (format == OutputFormat.TURTLE || format == OutputFormat.TRIG) {
      PrefixMapping prefixes = PrefixMapping.Factory.create().setNsPrefixes(PREFIXES);
      StreamRDFOps.sendPrefixesToStream(prefixes, writer);
    }
    StreamRDF sink = format.quads() ? writer : new UnionTriples(writer);
    store.exportQuads(graph, sink);
    writer.finish();
    flush(out);
  }

  /**
   * Exports to a file, atomically: the file is replaced only when the export succeeded.
   *
   * @throws IOException when the file cannot be written; the old file, if any, is untouched
   */
  public void export(OutputFormat format, Node graph, Path file) throws IOException {
    AtomicFile.write(file, out -> export(format, graph, out));
  }

  private static void flush(OutputStream out) {
    try {
      out.flush();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Drops graph names, for the triple syntaxes. A triple asserted in several graphs is written once
   * per graph, which every RDF parser accepts and collapses; deduplicating would need memory in
   * proportion to the store.
   */
  private static final class UnionTriples extends StreamRDFWrapper {
    UnionTriples(StreamRDF other) {
      super(other);
    }

    @Override
    public void quad(Quad quad) {
      other.triple(quad.asTriple());
    }
  }

  /** Adds every quad to a dataset. */
  private static final class QuadCollector extends StreamRDFWrapper {
    private final DatasetGraph target;

    QuadCollector(DatasetGraph target) {
      super(org.apache.jena.riot.system.StreamRDFLib.sinkNull());
      this.target = target;
    }

    @Override
    public void quad(Quad quad) {
      target.add(quad);
    }

    @Override
    public void triple(Triple triple) {
      target.getDefaultGraph().add(triple);
    }
  }
}
