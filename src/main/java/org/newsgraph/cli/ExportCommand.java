package org.newsgraph.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.newsgraph.export.AtomicFile;
import org.newsgraph.export.CitationNetwork;
import org.newsgraph.export.CsvNetworkWriter;
import org.newsgraph.export.Exporter;
import org.newsgraph.export.GexfWriter;
import org.newsgraph.export.GraphmlWriter;
import org.newsgraph.export.Network;
import org.newsgraph.export.NetworkFormat;
import org.newsgraph.export.SchemaOrgExporter;
import org.newsgraph.export.StoryNetwork;
import org.newsgraph.model.OutputFormat;
import org.newsgraph.model.UsageException;
import org.newsgraph.query.NamedQuery;
import org.newsgraph.query.ParamBinder;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.store.GraphStore;
import org.newsgraph.vocab.IriFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsgraph export}: writes the store or one graph in an RDF syntax, or a network. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write the store (or one --graph) as RDF to standard output or -o FILE.",
      "turtle, nt and rdfxml merge all graphs; trig, nq and jsonld keep graph names.",
      "jsonld and rdfxml are built in memory.",
      "--profile citation-network: providers, and who links to whom weighted with the counts of"
          + " the query provider-links; --profile story-network: the articles of stories and"
          + " their coverage links. Both as graphml (default), gexf or csv (nodes.csv and"
          + " edges.csv in the folder -o DIR), for Gephi, networkx and the like; streamed."
    })
final class ExportCommand extends BaseCommand {

  private static final String CITATION = "citation-network";
  private static final String STORY = "story-network";
  private static final List<String> PROFILES = List.of("schema.org", CITATION, STORY);

  @Mixin StoreOptions store;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description =
          "turtle (ttl), trig, nt, nq, jsonld or rdfxml (default: turtle); with a network"
              + " profile graphml, gexf or csv (default: graphml).")
  String format;

  @Option(names = "--graph", paramLabel = "IRI", description = "Export only this named graph.")
  String graph;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write to FILE (atomically, through a temporary file) instead of standard output; with"
              + " --format csv, the folder to write nodes.csv and edges.csv into.")
  Path output;

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      description =
          "schema.org: one schema.org NewsArticle JSON-LD object per article (with --format"
              + " jsonld); citation-network or story-network: a network (see above).")
  String profile;

  @Option(
      names = "--links",
      paramLabel = "given|all",
      description =
          "Network profiles: the records' related links alone (given), or also the same-story"
              + " links inferred from text (all, the default), as the named queries' links=.")
  String links;

  @Option(
      names = "--self",
      paramLabel = "exclude|include|only",
      description =
          "citation-network: a provider's links to its own articles left out (exclude, the"
              + " default), counted in, or alone, as provider-links' self=.")
  String self;

  @Option(
      names = "--story",
      paramLabel = "IRI",
      description = "story-network: only the articles and links of this story.")
  String story;

  @Override
  public Integer call() throws IOException {
    boolean network = CITATION.equals(profile) || STORY.equals(profile);
    if (!network && (links != null || self != null || story != null)) {
      throw new UsageException(
          "--links, --self and --story go with --profile citation-network or story-network");
    }
    if (network) {
      return exportNetwork();
    }
    if (profile != null) {
      return exportProfile();
    }
    String name = format == null ? "turtle" : format;
    if (NetworkFormat.find(name).isPresent()) {
      throw new UsageException(
          "--format "
              + name
              + " writes a network: add --profile citation-network or story-network");
    }
    OutputFormat exportFormat = OutputFormat.forExport(name);
    Node graphNode = graph == null ? null : graphIri();
    try (GraphStore graphs = store.openForReading(console.err())) {
      Exporter exporter = new Exporter(graphs);
      if (output != null) {
        exporter.export(exportFormat, graphNode, output);
      } else {
        exporter.export(exportFormat, graphNode, console.out());
      }
    }
    return ExitCodes.OK;
  }

  private Node graphIri() {
    try {
      return IriFactory.url(graph);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--graph " + graph + ": " + e.getMessage(), e);
    }
  }

  private int exportProfile() throws IOException {
    if (!profile.equals("schema.org")) {
      throw new UsageException("unknown profile '" + profile + "'; known: " + PROFILES);
    }
    if (format == null || !format.equalsIgnoreCase("jsonld") || graph != null) {
      throw new UsageException("--profile schema.org needs --format jsonld and no --graph");
    }
    try (GraphStore graphs = store.openForReading(console.err())) {
      SchemaOrgExporter exporter = new SchemaOrgExporter(graphs);
      if (output == null) {
        exporter.export(console.out());
        return ExitCodes.OK;
      }
      AtomicFile.write(output, exporter::export);
    }
    return ExitCodes.OK;
  }

  private int exportNetwork() throws IOException {
    NetworkFormat as =
        NetworkFormat.find(format == null ? "graphml" : format)
            .orElseThrow(
                () ->
                    new UsageException(
                        "--profile "
                            + profile
                            + " writes "
                            + String.join(", ", NetworkFormat.labels())
                            + ", not '"
                            + format
                            + "'"));
    if (graph != null) {
      throw new UsageException("--profile " + profile + " reads the whole store; drop --graph");
    }
    String linkChoice = choice("--links", links, "all", List.of("given", "all"));
    if (profile.equals(STORY) && self != null) {
      throw new UsageException("--self goes with --profile citation-network");
    }
    if (profile.equals(CITATION) && story != null) {
      throw new UsageException("--story goes with --profile story-network");
    }
    String selfChoice = choice("--self", self, "exclude", List.of("exclude", "include", "only"));
    Node storyNode = story == null ? null : storyIri();
    if (as == NetworkFormat.CSV) {
      if (output == null) {
        throw new UsageException(
            "--format csv writes nodes.csv and edges.csv into a folder: give it with -o DIR");
      }
      if (Files.exists(output) && !Files.isDirectory(output)) {
        throw new UsageException(
            "-o "
                + output
                + " is a file; --format csv writes nodes.csv and edges.csv into a folder");
      }
    }
    try (GraphStore graphs = store.openForReading(console.err())) {
      Network network;
      if (profile.equals(CITATION)) {
        NamedQuery providerLinks = QueryCatalog.load().get("provider-links");
        network =
            new CitationNetwork(
                graphs,
                new ParamBinder(graphs, store.iris())
                    .bind(providerLinks, Map.of("self", selfChoice, "links", linkChoice)));
      } else {
        network = new StoryNetwork(graphs, linkChoice, storyNode);
      }
      Network.Written written =
          switch (as) {
            case CSV -> CsvNetworkWriter.write(network, output);
            case GRAPHML, GEXF -> writeXml(network, as);
          };
      if (storyNode != null && written.nodes() == 0) {
        console
            .err()
            .println(
                "newsgraph: warning: no article is in story <"
                    + story
                    + "> (with --links "
                    + linkChoice
                    + "); the network is empty");
      }
    }
    return ExitCodes.OK;
  }

  private Network.Written writeXml(Network network, NetworkFormat as) throws IOException {
    Network.Written[] written = new Network.Written[1];
    AtomicFile.Content content =
        out ->
            written[0] =
                as == NetworkFormat.GRAPHML
                    ? GraphmlWriter.write(network, out)
                    : GexfWriter.write(network, out);
    if (output == null) {
      content.writeTo(console.out());
    } else {
      AtomicFile.write(output, content);
    }
    return written[0];
  }

  private static String choice(String option, String value, String fallback, List<String> known) {
    if (value == null) {
      return fallback;
    }
    if (!known.contains(value)) {
      throw new UsageException(option + " " + value + ": expected one of " + known);
    }
    return value;
  }

  private Node storyIri() {
    try {
      return IriFactory.url(story);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--story " + story + ": " + e.getMessage(), e);
    }
  }
}
