package org.newsgraph.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;

/** One name, one syntax: what query and export accept comes from the same table. */
class OutputFormatTest {

  @Test
  void everyNameAndAliasMeansTheSameSyntaxForQueriesAndExports() {
    assertThat(OutputFormat.forQuery("ttl")).isSameAs(OutputFormat.TURTLE);
    assertThat(OutputFormat.forExport("TTL")).isSameAs(OutputFormat.TURTLE);
    assertThat(OutputFormat.forQuery("rdfxml").rdfLang()).isEqualTo(Lang.RDFXML);
    assertThat(OutputFormat.forExport("rdfxml")).isSameAs(OutputFormat.RDFXML);
    for (OutputFormat format : OutputFormat.values()) {
      if (format.forQueries() && format.forExports()) {
        assertThat(OutputFormat.forQuery(format.label()))
            .isSameAs(OutputFormat.forExport(format.label()));
      }
    }
  }

  @Test
  void aFormatThatCannotCarryWhatIsWrittenIsAUsageErrorListingTheOnesThatCan() {
    assertThatThrownBy(() -> OutputFormat.forExport("csv"))
        .isInstanceOf(UsageException.class)
        .hasMessage("unknown export format 'csv'; known: [turtle, trig, nt, nq, jsonld, rdfxml]");
    assertThatThrownBy(() -> OutputFormat.forQuery("nq"))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "unknown format 'nq'; known: [text, csv, tsv, json, xml, turtle, nt, jsonld, rdfxml]");
    assertThat(OutputFormat.find("xlsx")).isEmpty();
  }
}
