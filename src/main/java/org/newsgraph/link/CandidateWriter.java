package org.newsgraph.link;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.newsgraph.export.AtomicFile;
import org.newsgraph.vocab.NewsVocab;

/**
 * Writes proposed links to a Turtle file for review, one record per candidate in ranked order. The
 * reviewer sets {@code news:linkStatus} to {@code "accepted"} on the records to keep; {@code link
 * --apply} takes only those. The file is written atomically.
 */
public final class CandidateWriter {

  private final String base;

  /** A writer minting record IRIs under a data base IRI. */
  public CandidateWriter(String base) {
    this.base = base;
  }

  /**
   * Writes the candidates.
   *
   * @param candidates ranked candidates
   * @param source the extract they came from (recorded as {@code dcterms:source})
   * @param file the Turtle file to (re)write
   * @throws IOException when the file cannot be written; an old file stays whole
   */
  public void write(List<Candidate> candidates, Node source, Path file) throws IOException {
    AtomicFile.write(file, out -> write(candidates, source, out));
  }

  /** Writes the candidates to a stream (flushed, not closed). */
  public void write(List<Candidate> candidates, Node source, OutputStream out) {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    StreamRDF writer = StreamRDFWriter.getWriterStream(out, RDFFormat.TURTLE_BLOCKS);
    writer.start();
    writer.prefix("rdf", NewsVocab.RDF);
    writer.prefix("skos", NewsVocab.SKOS);
    writer.prefix("schema", NewsVocab.SCHEMA);
    writer.prefix("dcterms", NewsVocab.DCTERMS);
    writer.prefix("news", NewsVocab.NS);
    writer.prefix("xsd", NewsVocab.XSD);
    writer.prefix("wd", "http://www.wikidata.org/entity/");
    writer.prefix("dbr", "http://dbpedia.org/resource/");
    for (Candidate c : candidates) {
      for (Triple t : LinkRecords.proposal(base, c, source, today)) {
        writer.triple(t);
      }
    }
    writer.finish();
    try {
      out.flush();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
