package org.newsgraph.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.newsgraph.model.OutputFormat;
import org.newsgraph.query.NamedQuery;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.query.QueryException;
import org.newsgraph.query.QueryRunner;
import org.newsgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsgraph query NAME|SPARQL|@FILE}: runs a named or ad-hoc query. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Run a named query (see 'newsgraph queries'), a SPARQL string, or @file.rq.",
      "The default graph is the union of all record graphs."
    })
final class QueryCommand extends BaseCommand {

  @Mixin StoreOptions store;

  @Parameters(
      index = "0",
      paramLabel = "NAME|SPARQL|@FILE",
      description = "A named query, SPARQL text, or @path to a .rq file.")
  String query;

  @Option(
      names = {"-p", "--param"},
      paramLabel = "NAME=VALUE",
      description = "A parameter of a named query (repeatable).")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text, csv, tsv, json, xml (tables); turtle (ttl), nt, jsonld, rdfxml (CONSTRUCT). "
              + "Default: ${DEFAULT-VALUE}.")
  String format;

  @Override
  public Integer call() throws IOException {
    OutputFormat resultFormat = OutputFormat.forQuery(format);
    QueryCatalog catalog = QueryCatalog.load();
    String sparql = null;
    if (query.startsWith("@")) {
      Path file = Path.of(query.substring(1));
      if (!Files.isReadable(file)) {
        throw new QueryException("cannot read query file " + file);
      }
      sparql = Files.readString(file, StandardCharsets.UTF_8);
    } else if (catalog.get(query) == null) {
      if (!query.matches(
          "(?s).*\\b(SELECT|CONSTRUCT|ASK|DESCRIBE|select|construct|ask|describe)\\b.*")) {
        throw new QueryException(
            "no named query '"
                + query
                + "'; known: "
                + catalog.all().stream().map(q -> q.name()).toList()
                + " (or give SPARQL text or @file.rq)");
      }
      sparql = query;
    }
    if (sparql != null && !params.isEmpty()) {
      throw new QueryException("--param applies to named queries only");
    }
    try (GraphStore graphs = store.openForReading(console.err())) {
      if (sparql == null && usesTextIndex(catalog.get(query)) && !graphs.hasTextIndex()) {
        console
            .err()
            .println(
                "newsgraph: query '"
                    + query
                    + "' needs a full-text index, and "
                    + graphs.describe()
                    + " has none: it needs jena-text's text:query over schema:headline and"
                    + " schema:description (a Lucene text dataset in Fuseki; see docs/store.md),"
                    + " or use a --db store, which keeps its own");
        return ExitCodes.STORE;
      }
      QueryRunner runner = new QueryRunner(graphs, catalog, store.iris());
      if (sparql != null) {
        runner.runSparql(sparql, resultFormat, console.out());
      } else {
        runner.runNamed(query, params, resultFormat, console.out());
      }
    }
    console.out().flush();
    return ExitCodes.OK;
  }

  /** Whether a named query reads the full-text index (jena-text's {@code text:} functions). */
  private static boolean usesTextIndex(NamedQuery named) {
    return named.text().contains("<http://jena.apache.org/text#>");
  }
}
