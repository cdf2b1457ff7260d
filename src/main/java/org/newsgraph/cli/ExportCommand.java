package org.newsgraph.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.jena.graph.Node;
import org.newsgraph.export.AtomicFile;
import org.newsgraph.export.Exporter;
import org.newsgraph.export.SchemaOrgExporter;
import org.newsgraph.model.OutputFormat;
import org.newsgraph.model.UsageException;
import org.newsgraph.store.GraphStore;
import org.newsgraph.vocab.IriFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsgraph export}: writes the store or one graph in an RDF syntax. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write the store (or one --graph) as RDF to standard output or -o FILE.",
      "turtle, nt and rdfxml merge all graphs; trig, nq and jsonld keep graph names.",
      "jsonld and rdfxml are built in memory."
    })
final class ExportCommand extends BaseCommand {

  @Mixin StoreOptions store;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "turtle",
      description = "turtle (ttl), trig, nt, nq, jsonld or rdfxml (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--graph", paramLabel = "IRI", description = "Export only this named graph.")
  String graph;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write to FILE (atomically, through a temporary file) instead of standard output.")
  Path output;

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      description =
          "schema.org: one schema.org NewsArticle JSON-LD object per article (with --format jsonld).")
  String profile;

  @Override
  public Integer call() throws IOException {
    if (profile != null) {
      return exportProfile();
    }
    OutputFormat exportFormat = OutputFormat.forExport(format);
    Node graphNode = graph == null ? null : graphIri();
    try (GraphStore graphs = store.open()) {
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
      throw new UsageException("unknown profile '" + profile + "'; known: [schema.org]");
    }
    if (!format.equalsIgnoreCase("jsonld") || graph != null) {
      throw new UsageException("--profile schema.org needs --format jsonld and no --graph");
    }
    try (GraphStore graphs = store.open()) {
      SchemaOrgExporter exporter = new SchemaOrgExporter(graphs);
      if (output == null) {
        exporter.export(console.out());
        return ExitCodes.OK;
      }
      AtomicFile.write(output, exporter::export);
    }
    return ExitCodes.OK;
  }
}
