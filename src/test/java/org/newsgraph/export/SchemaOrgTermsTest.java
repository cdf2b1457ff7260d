package org.newsgraph.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every schema.org term the project uses (main code, .rq queries, ontology files, the schema.org
 * export profile) is in the term list taken from the schema.org vocabulary ({@code
 * src/test/resources/schemaorg/terms.txt}, with its source and version), so no made-up term slips
 * in.
 */
class SchemaOrgTermsTest {

  private static final Pattern JAVA =
      Pattern.compile("schema\\(\"(\\w+)\"\\)|\"http://schema\\.org/(\\w+)");
  private static final Pattern RDF_TEXT =
      Pattern.compile("\\bschema:(\\w+)|<http://schema\\.org/(\\w+)>");

  @TempDir Path dir;

  @Test
  void everyTermUsedInCodeQueriesAndOntologyIsASchemaOrgTerm() throws IOException {
    Set<String> used = new TreeSet<>();
    collect(Path.of("src/main/java"), ".java", JAVA, used);
    collect(Path.of("src/main/resources"), ".rq", RDF_TEXT, used);
    collect(Path.of("ontology"), ".ttl", RDF_TEXT, used);
    assertThat(used).contains("NewsArticle", "headline", "sameAs");
    assertThat(known()).containsAll(used);
  }

  @Test
  void everyTermOfTheExportProfileIsASchemaOrgTerm() throws IOException {
    Set<String> used = new TreeSet<>();
    for (JsonValue object : JSON.parseAny(SchemaOrgExportTest.exportSeed(dir)).getAsArray()) {
      terms(object, used);
    }
    assertThat(used).contains("NewsArticle", "publisher", "QuantitativeValue");
    assertThat(known()).containsAll(used);
  }

  @Test
  void aMadeUpTermIsNotInTheList() throws IOException {
    assertThat(known()).doesNotContain("newsHeadline", "publishedDate", "imageUrl");
  }

  private static void terms(JsonValue value, Set<String> out) {
    if (value.isArray()) {
      value.getAsArray().forEach(v -> terms(v, out));
    } else if (value.isObject()) {
      JsonObject o = value.getAsObject();
      for (String key : o.keys()) {
        if (key.equals("@type")) {
          out.add(o.get(key).getAsString().value());
        } else if (!key.startsWith("@")) {
          out.add(key);
          terms(o.get(key), out);
        }
      }
    }
  }

  private static void collect(Path root, String suffix, Pattern pattern, Set<String> out)
      throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
        Matcher m = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
      }
    }
  }

  private static Set<String> known() throws IOException {
    try (InputStream in = SchemaOrgTermsTest.class.getResourceAsStream("/schemaorg/terms.txt")) {
      Set<String> terms = new TreeSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String term = line.strip();
        if (!term.isEmpty() && !term.startsWith("#")) {
          terms.add(term);
        }
      }
      return terms;
    }
  }
}
