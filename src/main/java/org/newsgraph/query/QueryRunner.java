package org.newsgraph.query;

import java.io.OutputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.newsgraph.model.OutputFormat;
import org.newsgraph.store.GraphStore;
import org.newsgraph.vocab.IriFactory;

/**
 * Runs named and ad-hoc queries against a store and writes the results in a {@link OutputFormat}.
 * Thread-safe.
 */
public final class QueryRunner {

  private final GraphStore store;
  private final QueryCatalog catalog;
  private final ParamBinder binder;

  /** A runner over a store, with the shipped catalog. */
  public QueryRunner(GraphStore store, QueryCatalog catalog, IriFactory iris) {
    this.store = store;
    this.catalog = catalog;
    this.binder = new ParamBinder(store, iris);
  }

  /**
   * Runs a catalog query, in the form the store's engine is sent ({@link QueryCatalog#get(String,
   * java.util.Optional)}).
   *
   * @param name the query's name
   * @param params parameter values as text
   * @param format the output format
   * @param out where results go; not closed
   * @throws QueryException for an unknown name or a bad parameter
   */
  public void runNamed(
      String name, Map<String, String> params, OutputFormat format, OutputStream out) {
    if (catalog.get(name) == null) {
      throw new QueryException(
          "no named query '" + name + "'; run 'newsgraph queries' to list them");
    }
    NamedQuery query = catalog.get(name, store.dialect());
    PreparedQuery prepared = binder.prepare(query, params);
    run(prepared.query(), prepared.binding(), query.datatypes(), format, out);
  }

  /**
   * Runs an ad-hoc SPARQL query.
   *
   * @param sparql the query text
   * @param format the output format
   * @param out where results go; not closed
   * @throws QueryException with line and column when the query does not parse
   */
  public void runSparql(String sparql, OutputFormat format, OutputStream out) {
    Query query;
    try {
      query = QueryFactory.create(sparql);
    } catch (QueryParseException e) {
      throw new QueryException("SPARQL syntax error: " + e.getMessage(), e);
    }
    run(query, org.apache.jena.sparql.engine.binding.BindingFactory.empty(), format, out);
  }

  /**
   * Runs a parsed query with a substitution and writes its results.
   *
   * @throws QueryException when the format cannot express the query's results
   */
  public void run(Query query, Binding substitution, OutputFormat format, OutputStream out) {
    run(query, substitution, Map.of(), format, out);
  }

  private void run(
      Query query,
      Binding substitution,
      Map<String, String> datatypes,
      OutputFormat format,
      OutputStream out) {
    store.query(
        query,
        substitution,
        exec -> {
          write(query, exec, datatypes, format, out);
          return null;
        });
  }

  /**
   * The rows with the values of the given variables, which the engine gave as text, made literals
   * of their datatypes (a form of a query for an engine that cannot give them so, {@link
   * NamedQuery#datatypes()}); the rows themselves when there are none.
   */
  static RowSet typed(RowSet rows, Map<String, String> datatypes) {
    if (datatypes.isEmpty()) {
      return rows;
    }
    Map<Var, RDFDatatype> types = new HashMap<>();
    datatypes.forEach(
        (name, iri) -> types.put(Var.alloc(name), TypeMapper.getInstance().getSafeTypeByName(iri)));
    List<Var> vars = rows.getResultVars();
    Iterator<Binding> retyped =
        Iter.map(
            rows,
            row -> {
              BindingBuilder out = Binding.builder();
              row.forEach(
                  (var, value) -> {
                    RDFDatatype type = types.get(var);
                    out.add(
                        var,
                        type != null && value.isLiteral()
                            ? NodeFactory.createLiteralDT(value.getLiteralLexicalForm(), type)
                            : value);
                  });
              return out.build();
            });
    return RowSetStream.create(vars, retyped);
  }

  private static void write(
      Query query,
      QueryExec exec,
      Map<String, String> datatypes,
      OutputFormat format,
      OutputStream out) {
    if (query.isSelectType()) {
      RowSet rows = typed(exec.select(), datatypes);
      if (format.resultLang() != null) {
        ResultSetMgr.write(out, ResultSet.adapt(rows), format.resultLang());
      } else if (format == OutputFormat.TEXT) {
        ResultSetFormatter.out(out, ResultSet.adapt(rows), prefixes(query));
      } else {
        throw new QueryException(
            "format "
                + format.name().toLowerCase(java.util.Locale.ROOT)
                + " is for CONSTRUCT and DESCRIBE; SELECT results take text, csv, tsv, json or xml");
      }
    } else if (query.isAskType()) {
      boolean answer = exec.ask();
      if (format.resultLang() != null) {
        org.apache.jena.sparql.resultset.ResultsWriter.create()
            .lang(format.resultLang())
            .write(out, answer);
      } else {
        ResultSetFormatter.out(out, answer);
      }
    } else {
      Graph graph = query.isConstructType() ? exec.construct() : exec.describe();
      if (format.rdfLang() == null) {
        throw new QueryException(
            "format "
                + format.name().toLowerCase(java.util.Locale.ROOT)
                + " is for tables; CONSTRUCT and DESCRIBE take text, turtle, nt, jsonld, json, xml or rdfxml");
      }
      graph.getPrefixMapping().setNsPrefixes(prefixes(query));
      RDFDataMgr.write(out, graph, format.rdfLang());
    }
  }

  private static PrefixMapping prefixes(Query query) {
    return query.getPrefixMapping();
  }
}
