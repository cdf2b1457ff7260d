package org.newsgraph.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.jena.graph.NodeFactory;
import org.newsgraph.link.CandidateWriter;
import org.newsgraph.link.LinkApplier;
import org.newsgraph.link.LinkProposer;
import org.newsgraph.link.LinkSets;
import org.newsgraph.model.UsageException;
import org.newsgraph.store.GraphStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsgraph link}: proposes, applies and refreshes links to external datasets. */
@Command(
    name = "link",
    mixinStandardHelpOptions = true,
    description = {
      "Link topics and providers to external datasets (Wikidata, DBpedia).",
      "--propose EXTRACT matches unlinked topics and providers against an RDF file and writes ranked candidates for review;",
      "--apply FILE adds the records marked news:linkStatus \"accepted\" to the graph {base}graph/links-reviewed;",
      "--refresh reloads the shipped link sets into {base}graph/links without an ingest."
    })
final class LinkCommand extends BaseCommand {

  @Mixin StoreOptions store;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Action action;

  /** Exactly one of the three actions. */
  static final class Action {
    @Option(
        names = "--propose",
        paramLabel = "EXTRACT",
        description =
            "RDF file to match against (N-Triples unless the extension says otherwise); streamed.")
    Path propose;

    @Option(
        names = "--apply",
        paramLabel = "REVIEWED",
        description = "Reviewed candidate file to apply.")
    Path apply;

    @Option(names = "--refresh", description = "Reload the shipped link sets (ontology/links/).")
    boolean refresh;
  }

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      defaultValue = "link-candidates.ttl",
      description = "With --propose: where to write the candidates (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(
      names = "--max-per-node",
      paramLabel = "N",
      defaultValue = "5",
      description =
          "With --propose: candidates kept per topic or provider (default: ${DEFAULT-VALUE}).")
  int maxPerNode;

  @Override
  public Integer call() throws IOException {
    try (GraphStore graphs = store.open()) {
      if (action.refresh) {
        int triples = LinkSets.refresh(graphs, store.iris());
        console
            .err()
            .println(
                "link sets refreshed: "
                    + triples
                    + " triples in "
                    + store.iris().systemGraph("links").getURI());
        return ExitCodes.OK;
      }
      if (action.apply != null) {
        LinkApplier.Result result =
            new LinkApplier(graphs, store.iris())
                .apply(action.apply, line -> console.err().println(line));
        console
            .err()
            .println(
                "links applied: "
                    + result.applied()
                    + ", not accepted: "
                    + result.notAccepted()
                    + ", refused: "
                    + result.invalid());
        return result.invalid() > 0 ? ExitCodes.REJECTED : ExitCodes.OK;
      }
      return propose(graphs);
    }
  }

  private int propose(GraphStore graphs) throws IOException {
    if (maxPerNode < 1) {
      throw new UsageException("--max-per-node must be at least 1, not " + maxPerNode);
    }
    LinkProposer.Result result =
        new LinkProposer(graphs, maxPerNode)
            .propose(action.propose, line -> console.err().println(line));
    new CandidateWriter(store.iris().base())
        .write(
            result.candidates(),
            NodeFactory.createURI(action.propose.toAbsolutePath().toUri().toString()),
            output);
    console
        .err()
        .println(
            "candidates: "
                + result.candidates().size()
                + " for "
                + result.nodesToLink()
                + " unlinked topics and providers, from "
                + result.triplesRead()
                + " triples; written to "
                + output);
    return result.failed() ? ExitCodes.REJECTED : ExitCodes.OK;
  }
}
