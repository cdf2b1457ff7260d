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
import org.newsgraph.vocab.IriFactory;

/**
 * Maps any record the reader produces to the quads of its own named graph; the one entry point the
 * ingest uses, whatever kinds of record there are. Every graph also says where it came from ({@code
 * <graph> dcterms:source "path"}), which {@code validate} reports. Thread-safe.
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
    return map(record, out, out, problems);
  }

  /**
   * Maps one record as a description of its subject that may be merged with other descriptions of
   * the same subject (see {@code docs/mapping.md}, "One article, many descriptions"): the facts one
   * description states for the whole subject (an article's headline, dates, scores, provider; the
   * whole of a taxonomy record) go to {@code own}, of which only the winning description's are
   * kept; the facts that accumulate (URL forms, topics, images, categories, tags, related articles,
   * the graph's sources) go to {@code shared}, of which every description's are kept.
   *
   * @param record the record
   * @param own receives the single-valued facts
   * @param shared receives the multi-valued facts
   * @param problems receives warnings about values left out
   * @return the record's named graph
   * @throws MappingException when the record cannot be mapped; nothing emitted may then be used
   */
  public Node map(Record record, StreamRDF own, StreamRDF shared, List<Problem> problems) {
    String source = record.source();
    if (record.entity() instanceof Article article) {
      return articles.map(article, source, own, shared, problems);
    }
    if (record.entity() instanceof Topic topic) {
      return taxonomy.topic(topic, source, own, shared, problems);
    }
    if (record.entity() instanceof Tag tag) {
      return taxonomy.tag(tag, source, own, shared);
    }
    return taxonomy.organization((Organization) record.entity(), source, own, shared);
  }
}
