package org.newsgraph.store.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.vocab.NewsVocab;

/**
 * What the index functions do apart from the counts of the named queries (which {@code
 * query/IndexFormsTest} compares with the catalog forms): their inputs and outputs checked, the
 * store they need, the distinct objects of {@code fn:objects} whatever the graphs that repeat them,
 * and the query's cancel signal obeyed.
 */
class IndexFunctionsTest {

  static final String PREFIX = "PREFIX fn: <" + IndexFunctions.NS + ">\n";
  static final Node NAME = NodeFactory.createURI("http://schema.org/name");

  @BeforeAll
  static void register() {
    IndexFunctions.register();
  }

  @TempDir Path dir;
  private int stores;

  /** A TDB2 store on disk, in a folder of its own. */
  DatasetGraph store() {
    return TDB2Factory.connectDataset(dir.resolve("db" + stores++).toString()).asDatasetGraph();
  }

  static Node iri(String local) {
    return NodeFactory.createURI("https://example.org/" + local);
  }

  static List<String> column(DatasetGraph dataset, String query, String var) {
    return Txn.calculateRead(
        dataset,
        () -> {
          List<String> values = new ArrayList<>();
          QueryExec.dataset(dataset)
              .query(PREFIX + query)
              .select()
              .forEachRemaining(row -> values.add(String.valueOf(row.get(var))));
          return values;
        });
  }

  @Test
  void objectsGivesEachDistinctObjectOnceWhateverTheGraphsThatStateIt() {
    DatasetGraph tdb = store();
    Txn.executeWrite(
        tdb,
        () -> {
          for (int g = 0; g < 50; g++) {
            tdb.add(iri("g" + g), iri("topic"), NAME, NodeFactory.createLiteralString("AI"));
          }
          tdb.add(iri("g7"), iri("topic"), NAME, NodeFactory.createLiteralString("KI"));
          tdb.add(iri("g8"), iri("topic"), NAME, NodeFactory.createLiteralLang("IA", "fr"));
          tdb.add(iri("g9"), iri("other"), NAME, NodeFactory.createLiteralString("Other"));
        });
    assertThat(
            column(
                tdb,
                "SELECT ?l WHERE { (?l) fn:objects (<https://example.org/topic> <http://schema.org/name>) }",
                "l"))
        .containsExactlyInAnyOrder("\"AI\"", "\"KI\"", "\"IA\"@fr");
    assertThat(
            column(
                tdb,
                "SELECT ?l WHERE { (?l) fn:objects (<https://example.org/none> <http://schema.org/name>) }",
                "l"))
        .isEmpty();
  }

  @Test
  void aFunctionSaysWhenItsDatasetIsNotATdb2Store() {
    DatasetGraph memory = DatasetGraphFactory.createTxnMem();
    Txn.executeWrite(
        memory, () -> memory.add(iri("g"), iri("a"), NewsVocab.SCHEMA_ABOUT, iri("topic")));
    assertThatThrownBy(
            () -> column(memory, "SELECT * WHERE { (?a ?b ?n) fn:topicPairs (?t 1) }", "a"))
        .isInstanceOf(QueryExecException.class)
        .hasMessage(
            "fn:topicPairs reads the indexes of newsgraph's embedded TDB2 store; this dataset is not one");
  }

  @Test
  void inputsAndOutputsAreChecked() {
    DatasetGraph tdb = store();
    assertThatThrownBy(
            () -> column(tdb, "SELECT * WHERE { (?a \"x\" ?n) fn:topicPairs (?t 1) }", "a"))
        .isInstanceOf(QueryBuildException.class)
        .hasMessage("fn:topicPairs binds a list of 3 variables: (?v1 … ?v3)");
    assertThatThrownBy(() -> column(tdb, "SELECT * WHERE { (?a ?b ?n) fn:topicPairs (?t) }", "a"))
        .isInstanceOf(QueryBuildException.class)
        .hasMessage("fn:topicPairs takes a list of 2 inputs");
    assertThatThrownBy(
            () -> column(tdb, "SELECT * WHERE { (?a ?b ?n) fn:topicPairs (?t \"two\") }", "a"))
        .isInstanceOf(QueryExecException.class)
        .hasMessageContaining("fn:topicPairs: expected an integer");
    assertThatThrownBy(
            () -> column(tdb, "SELECT * WHERE { (?a ?b ?n) fn:providerLinks (\"some\" ?s) }", "a"))
        .isInstanceOf(QueryExecException.class)
        .hasMessage("fn:providerLinks: links is \"given\" or \"all\", not some");
    assertThatThrownBy(
            () ->
                column(
                    tdb, "SELECT * WHERE { (?l) fn:objects (?s <http://schema.org/name>) }", "l"))
        .isInstanceOf(QueryExecException.class)
        .hasMessage("fn:objects takes a subject and a predicate bound before it");
  }

  @Test
  void aScanStopsWhenTheQueryIsCancelled() {
    DatasetGraph tdb = store();
    Txn.executeWrite(
        tdb,
        () -> {
          for (int i = 0; i < 40_000; i++) {
            tdb.add(new Quad(iri("g"), iri("a" + i), NewsVocab.SCHEMA_ABOUT, iri("topic")));
          }
        });
    AtomicBoolean cancel = new AtomicBoolean(false);
    Txn.executeRead(
        tdb,
        () -> {
          Context settings = ARQ.getContext().copy();
          settings.set(ARQConstants.symCancelQuery, cancel);
          ExecutionContext context = ExecutionContext.create(tdb, settings);
          QuadIndex index = QuadIndex.of(context, "fn:test");
          long about = index.id(NewsVocab.SCHEMA_ABOUT);
          Iterator<long[]> all = index.find(QuadIndex.ANY, QuadIndex.ANY, about, QuadIndex.ANY);
          int read = 0;
          for (; read < 100; read++) {
            all.next();
          }
          cancel.set(true);
          int[] more = {0};
          assertThatThrownBy(
                  () -> {
                    while (all.hasNext()) {
                      all.next();
                      more[0]++;
                    }
                  })
              .isInstanceOf(QueryCancelledException.class);
          assertThat(more[0]).isLessThan(20_000);
        });
  }
}
