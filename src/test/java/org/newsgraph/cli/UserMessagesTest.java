package org.newsgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command line words what the layers below report as facts. */
class UserMessagesTest {

  @Test
  void aHolderCommandIsShownAsTheUserTypedIt() {
    assertThat(
            UserMessages.command(
                "/usr/bin/java -cp a.jar:b.jar org.newsgraph.cli.Main serve --db db"))
        .isEqualTo("newsgraph serve --db db");
    assertThat(UserMessages.command("java -jar target/newsgraph.jar ingest --db db seeds"))
        .isEqualTo("newsgraph ingest --db db seeds");
    assertThat(UserMessages.command("python3 other.py")).isEqualTo("python3 other.py");
  }
}
