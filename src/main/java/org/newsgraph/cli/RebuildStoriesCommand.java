package org.newsgraph.cli;

import org.newsgraph.store.GraphStore;
import org.newsgraph.story.StoryChange;
import org.newsgraph.story.StoryIndex;
import org.newsgraph.story.StoryKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code newsgraph rebuild-stories}: recomputes the materialised stories from the related links.
 */
@Command(
    name = "rebuild-stories",
    mixinStandardHelpOptions = true,
    description = {
      "Recompute every story (connected cluster of related links) from the store and rewrite the story graphs.",
      "Ingest keeps stories up to date by itself; use this after loading data by other means or to repair them."
    })
final class RebuildStoriesCommand extends BaseCommand {

  @Mixin StoreOptions store;

  @Override
  public Integer call() {
    try (GraphStore graphs = store.open()) {
      StoryChange change = new StoryIndex(graphs, store.iris(), StoryKind.ALL).rebuild();
      StoryChange given = new StoryIndex(graphs, store.iris(), StoryKind.GIVEN).rebuild();
      console
          .err()
          .println(
              "stories: "
                  + change.written()
                  + " written, "
                  + change.removed()
                  + " removed; over the records' links alone: "
                  + given.written()
                  + " written, "
                  + given.removed()
                  + " removed");
      return ExitCodes.OK;
    }
  }
}
