package org.newsgraph.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.newsgraph.store.GraphStore;
import org.newsgraph.validate.ShapesValidator;
import org.newsgraph.validate.ValidationSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newsgraph validate}: checks every record graph of the store against the SHACL shapes. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check every record graph in the store against the SHACL shapes shipped in ontology/shapes.ttl.",
      "Each result is one line on stdout: SOURCE: violation: <FOCUS> PATH: MESSAGE (graph <G>).",
      "Exit 0 when the store conforms, 1 when there are violations, 3 when the store is unavailable."
    })
final class ValidateCommand extends BaseCommand {

  @Mixin StoreOptions store;

  @Override
  public Integer call() {
    ShapesValidator validator = new ShapesValidator(store.iris());
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(console.out(), StandardCharsets.UTF_8));
    try (GraphStore graphs = store.open()) {
      ValidationSummary summary = validator.validate(graphs, v -> out.println(v));
      out.flush();
      console.err().println(summary.summary());
      return summary.conforms() ? ExitCodes.OK : ExitCodes.REJECTED;
    }
  }
}
