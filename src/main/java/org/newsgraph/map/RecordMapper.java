package org.newsgraph.map;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.newsgraph.model.Article;
import org.newsgraph.model.Organization;
import org.newsgraph.model.Problem;
import org.newsgraph.model.Tag;
import org.newsgraph.model.Topic;
import org.newsgraph.source.Record;

/**
 * Maps any record the reader produces to the quads of its own named graph; the one entry point the
 * ingest uses, whatever kinds of record there are. Every graph also says where it came from
 * ({@code <graph> dcterms:source "path"}), which {@code validate} reports. Thread-safe.
 */
public final class RecordMapper {

  private final ArticleMapper articles;
  private final TaxonomyMapper taxonomy;

  /** A mapper minting IRIs with the given factory. */
  public RecordMapper(IriFactory iris) {
    this.articles = new ArticleMapper(iris);
    this.taxonomy = new TaxonomyMapper(iris);
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
    String source = record.source();
    if (record.entity() instanceof Article article) {
      return articles.map(article, source, out, problems);
    }
    if (record.entity() instanceof Topic topic) {
      return taxonomy.topic(topic, source, out, problems);
    }
    if (record.entity() instanceof Tag tag) {
      return taxonomy.tag(tag, source, out);
    }
    return taxonomy.organization((Organization) record.entity(), source, out);
  }
}
