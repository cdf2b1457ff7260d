package org.newsgraph.map;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.newsgraph.model.Problem;
import org.newsgraph.source.Record;

/**
 * Maps any record the reader produces to the quads of its own named graph; the one entry point the
 * ingest uses, whatever kinds of record there are. Thread-safe.
 */
public final class RecordMapper {

  private final ArticleMapper articles;

  /** A mapper minting IRIs with the given factory. */
  public RecordMapper(IriFactory iris) {
    this.articles = new ArticleMapper(iris);
  }

  /**
   * Maps one record.
   *
   * @param record the record
   * @param out receives the quads, all in the returned graph
   * @param problems receives warnings about values left out
   * @return the record's named graph
   * @throws MappingException when the record cannot be mapped; nothing emitted may then be used
   */
  public Node map(Record record, StreamRDF out, List<Problem> problems) {
    return articles.map(record, out, problems);
  }
}
