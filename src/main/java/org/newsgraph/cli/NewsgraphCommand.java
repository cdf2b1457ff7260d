package org.newsgraph.cli;

import picocli.CommandLine.Command;

/** The top command: only dispatches to subcommands. */
@Command(
    name = "newsgraph",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Turns news records into an RDF knowledge graph of coverage links and queries it.",
    subcommands = {
      IngestCommand.class,
      QueryCommand.class,
      QueriesCommand.class,
      ExportCommand.class,
      StatsCommand.class,
      ValidateCommand.class,
      LinkCommand.class,
      ServeCommand.class,
      RebuildStoriesCommand.class,
      GenerateCommand.class,
      CompactCommand.class,
      BackupCommand.class,
      picocli.CommandLine.HelpCommand.class
    })
public final class NewsgraphCommand {}
