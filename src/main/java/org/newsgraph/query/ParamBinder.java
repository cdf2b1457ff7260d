package org.newsgraph.query;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.newsgraph.store.GraphStore;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * Turns the user's parameter text into RDF terms bound to query variables. Values are never spliced
 * into query text, so {@code "} ; DROP ALL #} is only ever a string. Thread-safe.
 */
public final class ParamBinder {

  private static final Query FIND_BY_URL =
      QueryFactory.create(
          "PREFIX news: <"
              + NewsVocab.NS
              + ">\nPREFIX schema: <"
              + NewsVocab.SCHEMA
              + ">\n"
              + """
      SELECT ?article WHERE {
        VALUES ?p { news:canonicalUrl schema:url news:originalUrl news:ampUrl news:cdnAmpUrl }
        ?article ?p ?url .
        ?article a news:Article .
      } ORDER BY ?article LIMIT 1
      """);

  private final GraphStore store;
  private final IriFactory iris;

  /** A binder that looks articles up in a store and mints IRIs with a factory. */
  public ParamBinder(GraphStore store, IriFactory iris) {
    this.store = store;
    this.iris = iris;
  }

  /**
   * The executable form of a catalog query for given values, the same for the command line and the
   * HTTP endpoint: the values bound as terms, and the query with the row limit a {@code limit}
   * parameter asks for set on a fresh copy (never spliced into text). The limit caps the outer
   * query and also the first subquery that ranks rows (has an ORDER BY), so that names and titles
   * are looked up for the rows kept only.
   *
   * @throws QueryException for a parameter the query does not have
   * @throws ParamException when a value is missing or malformed
   */
  public PreparedQuery prepare(NamedQuery query, Map<String, String> params) {
    Binding binding = bind(query, params);
    return new PreparedQuery(limited(query, limit(query, params)), binding);
  }

  private static Query limited(NamedQuery query, Long limit) {
    if (limit == null) {
      return query.query();
    }
    Query copy = QueryFactory.create(query.text());
    copy.setLimit(limit);
    List<Query> subqueries = new ArrayList<>();
    ElementWalker.walk(
        copy.getQueryPattern(),
        new ElementVisitorBase() {
          @Override
          public void visit(ElementSubQuery element) {
            subqueries.add(element.getQuery());
          }
        });
    subqueries.stream()
        .filter(Query::hasOrderBy)
        .findFirst()
        .ifPresent(ranked -> ranked.setLimit(limit));
    return copy;
  }

  /**
   * Binds the given values, with defaults for those not given.
   *
   * @param query the named query
   * @param values parameter name to text
   * @return the substitution binding
   * @throws QueryException for a parameter the query does not have
   * @throws ParamException when a value is missing or malformed
   */
  public Binding bind(NamedQuery query, Map<String, String> values) {
    for (String given : values.keySet()) {
      if (query.param(given) == null) {
        throw new QueryException(
            "query '"
                + query.name()
                + "' has no parameter '"
                + given
                + "'; its parameters: "
                + query.params().stream().map(QueryParam::name).toList());
      }
    }
    BindingBuilder builder = Binding.builder();
    for (QueryParam param : query.params()) {
      String text = values.getOrDefault(param.name(), param.defaultValue());
      if (text == null) {
        if (param.required()) {
          throw new ParamException(
              query, param, ParamException.Problem.MISSING, null, param.description());
        }
        continue;
      }
      Node node = toNode(query, param, text);
      if (param.type() != QueryParam.Type.LIMIT) {
        builder.add(Var.alloc(param.name()), node);
      }
    }
    return builder.build();
  }

  /**
   * The row limit the values ask for: the value (or default) of the query's {@code limit}-typed
   * parameter.
   *
   * @return the limit, or null when the query has no such parameter or it is optional and not given
   * @throws ParamException when the value is not a positive integer
   */
  public Long limit(NamedQuery query, Map<String, String> values) {
    for (QueryParam param : query.params()) {
      if (param.type() == QueryParam.Type.LIMIT) {
        String text = values.getOrDefault(param.name(), param.defaultValue());
        return text == null
            ? null
            : Long.valueOf(toNode(query, param, text).getLiteralLexicalForm());
      }
    }
    return null;
  }

  /**
   * Converts one value.
   *
   * @throws ParamException when the text is not a value of the parameter's type
   */
  public Node toNode(NamedQuery query, QueryParam param, String text) {
    String value = text.strip();
    try {
      return switch (param.type()) {
        case STRING -> NodeFactory.createLiteralString(text);
        case INTEGER ->
            NodeFactory.createLiteralDT(
                Long.toString(Long.parseLong(value)), XSDDatatype.XSDinteger);
        case DATE ->
            NodeFactory.createLiteralDT(LocalDate.parse(value).toString(), XSDDatatype.XSDdate);
        case DATETIME ->
            NodeFactory.createLiteralDT(
                OffsetDateTime.parse(value).toString(), XSDDatatype.XSDdateTime);
        case IRI -> IriFactory.url(value);
        case ARTICLE -> article(value);
        case TOPIC ->
            value.startsWith(iris.base()) ? NodeFactory.createURI(value) : iris.topic(value);
        case PROVIDER ->
            value.startsWith(iris.base()) ? NodeFactory.createURI(value) : iris.provider(value);
        case CHOICE -> choice(query, param, value);
        case LIMIT -> limitNode(query, param, value);
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new ParamException(
          query, param, ParamException.Problem.MALFORMED, text, param.type().label());
    } catch (QueryException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // IriFactory and UrlLib say what is wrong with an IRI or URL.
      throw new ParamException(query, param, ParamException.Problem.INVALID, text, e.getMessage());
    }
  }

  private static Node choice(NamedQuery query, QueryParam param, String value) {
    if (!param.choices().contains(value)) {
      throw new ParamException(
          query,
          param,
          ParamException.Problem.INVALID,
          value,
          "expected one of " + param.choices());
    }
    return NodeFactory.createLiteralString(value);
  }

  private static Node limitNode(NamedQuery query, QueryParam param, String value) {
    long limit = Long.parseLong(value);
    if (limit < 1) {
      throw new ParamException(
          query, param, ParamException.Problem.INVALID, value, "expected a positive integer");
    }
    return NodeFactory.createLiteralDT(Long.toString(limit), XSDDatatype.XSDinteger);
  }

  private Node article(String value) {
    if (value.startsWith(iris.base())) {
      return IriFactory.url(value);
    }
    Node minted = iris.article(value);
    Binding byUrl = Binding.builder().add(Var.alloc("url"), IriFactory.url(value)).build();
    Node found =
        store.query(
            FIND_BY_URL,
            byUrl,
            exec -> {
              RowSet rows = exec.select();
              return rows.hasNext() ? rows.next().get(Var.alloc("article")) : null;
            });
    return found != null ? found : minted;
  }
}
