package org.newsgraph.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.junit.jupiter.api.Test;

/**
 * The forms of named queries written for one engine (Virtuoso): loaded beside the catalog, with the
 * catalog query's name and parameters, chosen only for a store of that dialect, and their values
 * given as text typed on the way back. That they give the embedded store's answers on Virtuoso is
 * VirtuosoContractTest's part.
 */
class QueryFormsTest {

  private static final QueryCatalog CATALOG = QueryCatalog.load();

  @Test
  void virtuosoHasItsOwnFormsOfTheQueriesItAnswersWronglyOrRefuses() {
    assertThat(CATALOG.formsIn("virtuoso"))
        .containsExactly(
            "stories", "reach", "first-report", "duplicates", "top-linked", "syndication");
    for (String name : CATALOG.formsIn("virtuoso")) {
      NamedQuery standard = CATALOG.get(name);
      NamedQuery form = CATALOG.get(name, Optional.of("virtuoso"));
      assertThat(form).as(name).isNotSameAs(standard);
      assertThat(form.name()).isEqualTo(name);
      assertThat(form.description()).isEqualTo(standard.description());
      assertThat(form.params()).as(name).isEqualTo(standard.params());
      assertThat(form.query().getResultVars())
          .as("%s selects the same columns, in the same order", name)
          .isEqualTo(standard.query().getResultVars());
      assertThat(form.query().toString()).as(name).doesNotContain("LATERAL");
    }
  }

  @Test
  void everyListedQueryAndFormParses() {
    // The catalog parses a file when it is first used; here every one is, so a file that does not
    // parse fails the build rather than a user's command.
    assertThat(CATALOG.all()).allSatisfy(q -> assertThat(q.query()).isNotNull());
    for (String dialect : QueryCatalog.DIALECTS) {
      assertThat(CATALOG.formsIn(dialect)).isNotEmpty();
      for (String name : CATALOG.formsIn(dialect)) {
        assertThat(CATALOG.get(name, Optional.of(dialect)).text())
            .isNotEqualTo(CATALOG.get(name).text());
      }
    }
  }

  @Test
  void anyOtherStoreIsSentTheCatalogsOwnForms() {
    for (NamedQuery query : CATALOG.all()) {
      assertThat(CATALOG.get(query.name(), Optional.empty())).isSameAs(query);
      assertThat(CATALOG.get(query.name(), Optional.of("graphdb"))).isSameAs(query);
      assertThat(query.datatypes()).as(query.name()).isEmpty();
    }
    assertThat(CATALOG.get("coverage", Optional.of("virtuoso")))
        .as("a query without a form of its own goes as it is")
        .isSameAs(CATALOG.get("coverage"));
    assertThat(CATALOG.get("no-such-query", Optional.of("virtuoso"))).isNull();
  }

  @Test
  void firstReportsLagComesFromVirtuosoAsTextAndIsReadAsADuration() {
    NamedQuery form = CATALOG.get("first-report", Optional.of("virtuoso"));
    assertThat(form.datatypes())
        .containsExactly(Map.entry("lag", XSDDatatype.XSDduration.getURI()));
    Var lag = Var.alloc("lag");
    Var report = Var.alloc("report");
    Node article = NodeFactory.createURI("https://example.org/a");
    List<Binding> rows =
        List.of(
            BindingFactory.binding(
                BindingFactory.binding(report, article),
                lag,
                NodeFactory.createLiteralString("P1DT18H6M39.000S")),
            BindingFactory.binding(report, article)); // no date: no lag
    RowSet typed =
        QueryRunner.typed(
            RowSetStream.create(List.of(report, lag), rows.iterator()), form.datatypes());
    Binding first = typed.next();
    assertThat(first.get(lag))
        .isEqualTo(NodeFactory.createLiteralDT("P1DT18H6M39.000S", XSDDatatype.XSDduration));
    assertThat(first.get(report)).isEqualTo(article);
    assertThat(typed.next().contains(lag)).isFalse();
    assertThat(typed.hasNext()).isFalse();
  }

  @Test
  void aFormThatLeavesOutAParameterOrTypesNoColumnIsABuildDefectNamingItsFile() {
    NamedQuery reach = CATALOG.get("reach");
    assertThatThrownBy(
            () ->
                NamedQuery.form(
                    reach,
                    "virtuoso/reach.rq",
                    "SELECT ?reached ?distance WHERE { ?article ?p ?reached BIND(1 AS ?distance)"
                        + " FILTER (?links = \"all\") }"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("virtuoso/reach.rq: the form of 'reach' does not use ?hops");
    assertThatThrownBy(
            () ->
                NamedQuery.form(
                    reach,
                    "virtuoso/reach.rq",
                    "# datatype: lag\nSELECT * WHERE { ?article ?p ?reached FILTER (?hops > 1) }"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("virtuoso/reach.rq:1: expected '# datatype: VARIABLE DATATYPE-IRI'");
    assertThatThrownBy(
            () ->
                NamedQuery.form(
                    reach,
                    "virtuoso/reach.rq",
                    "# datatype: lag http://www.w3.org/2001/XMLSchema#duration\n"
                        + "SELECT ?reached WHERE { ?article ?p ?reached"
                        + " FILTER (?hops > 1 && ?links = \"all\") }"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("virtuoso/reach.rq: datatype for ?lag, which the query does not select");
    assertThatThrownBy(() -> NamedQuery.form(reach, "virtuoso/reach.rq", "\nSELECT ?x WHERE {"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("virtuoso/reach.rq:2:");
  }
}
