package org.newsgraph.cli;

import java.io.PrintWriter;
import org.newsgraph.query.NamedQuery;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.query.QueryParam;
import picocli.CommandLine.Command;

/** {@code newsgraph queries}: lists the named queries with their parameters. */
@Command(
    name = "queries",
    mixinStandardHelpOptions = true,
    description = "List the named queries with their parameters.")
final class QueriesCommand extends BaseCommand {

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (NamedQuery query : QueryCatalog.load().all()) {
      out.println(query.name() + " — " + query.description());
      for (QueryParam p : query.params()) {
        String status =
            p.required()
                ? "required"
                : p.defaultValue() != null ? "default " + p.defaultValue() : "optional";
        out.println(
            "    --param "
                + p.name()
                + "=<"
                + p.typeLabel()
                + ">  ("
                + status
                + ") "
                + p.description());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
