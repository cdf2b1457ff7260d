package org.newsgraph.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsgraph.cli.Cli;

/** {@code newsgraph export} of the repository's seeds: every syntax, and files written whole. */
class ExportTest {

  @TempDir Path dir;
  private String db;

  @BeforeEach
  void ingestSeeds() {
    db = dir.resolve("db").toString();
    Cli.Result ingest = Cli.run("ingest", "--db", db, "seeds");
    assertThat(ingest.exit()).as(ingest.err()).isZero();
  }

  @ParameterizedTest
  @CsvSource({
    "turtle,TTL",
    "ttl,TTL",
    "trig,TRIG",
    "nt,NT",
    "nq,NQ",
    "jsonld,JSONLD",
    "rdfxml,RDFXML"
  })
  void everyExportFormatParsesBackStrictlyToTheSameTriples(String format, String langName) {
    Set<Triple> reference = triplesOf(export("nq"), Lang.NQUADS);
    assertThat(reference).hasSizeGreaterThan(300);
    Lang lang = org.apache.jena.riot.RDFLanguages.shortnameToLang(langName);
    assertThat(triplesOf(export(format), lang)).isEqualTo(reference);
  }

  private String export(String format) {
    Cli.Result export = Cli.run("export", "--db", db, "--format", format);
    assertThat(export.exit()).as(export.err()).isZero();
    return export.out();
  }

  private static Set<Triple> triplesOf(String text, Lang lang) {
    DatasetGraph parsed = DatasetGraphFactory.create();
    RDFParser.source(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
        .lang(lang)
        .strict(true)
        .errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging)
        .parse(parsed);
    return parsed.stream().map(Quad::asTriple).collect(Collectors.toSet());
  }

  @Test
  void exportToAFileIsByteStableAcrossRuns() throws IOException {
    Path first = dir.resolve("first.nq");
    Path second = dir.resolve("second.nq");
    assertThat(Cli.run("export", "--db", db, "-f", "nq", "-o", first.toString()).exit()).isZero();
    assertThat(Cli.run("export", "--db", db, "-f", "nq", "-o", second.toString()).exit()).isZero();
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    try (var listing = Files.list(dir)) {
      assertThat(listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
          .isEmpty();
    }
  }

  @Test
  void theSchemaOrgProfileToAFileIsWrittenWholeThroughATemporaryFile() throws IOException {
    Path file = dir.resolve("articles.jsonld");
    Cli.Result export =
        Cli.run(
            "export",
            "--db",
            db,
            "--profile",
            "schema.org",
            "--format",
            "jsonld",
            "-o",
            file.toString());
    assertThat(export.exit()).as(export.err()).isZero();
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .startsWith("[")
        .endsWith("]\n")
        .contains("\"https://schema.org\"");
    try (var listing = Files.list(dir)) {
      assertThat(listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
          .isEmpty();
    }
  }
}
