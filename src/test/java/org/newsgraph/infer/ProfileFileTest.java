package org.newsgraph.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text profiles kept beside a store: what is written is read back, by position and in one pass;
 * a file is read only under its token and settings, and a damaged one is refused so that the caller
 * rebuilds it.
 */
class ProfileFileTest {

  private static final String SETTINGS = "window 7 days";

  @TempDir Path dir;

  private final TextProfile.Builder builder = new TextProfile.Builder(2.0, 2000);

  private List<TextProfile> write(String token) {
    List<TextProfile> profiles = new ArrayList<>();
    try (ProfileFile.Writer out = ProfileFile.create(dir, token, SETTINGS)) {
      for (int i = 0; i < 50; i++) {
        TextProfile p =
            i % 7 == 0
                ? TextProfile.EMPTY
                : builder.profile(
                    "Headline number " + i + " of Acme in Berlin",
                    "An excerpt about widgets and the story of article " + i + " and more words",
                    null);
        profiles.add(p);
        out.add(1000L + i, 100L * (i / 2), p); // ties in time ordered by key
      }
      out.finish();
    }
    return profiles;
  }

  @Test
  void whatIsWrittenIsReadBackByPositionAndInOnePass() {
    List<TextProfile> written = write("t-1");
    short[] headline = written.get(1).headline();
    assertThat(headline).as("the headline's terms in order").hasSize(5);
    assertThat((headline[3] & TextProfile.NAME) != 0).as("Acme, a name").isTrue();
    try (ProfileFile file = ProfileFile.open(dir, "t-1", SETTINGS)) {
      assertThat(file).isNotNull();
      assertThat(file.size()).isEqualTo(50);
      for (int i = 0; i < 50; i++) {
        assertThat(file.key(i)).isEqualTo(1000L + i);
        assertThat(file.time(i)).isEqualTo(100L * (i / 2));
        assertSame(file.profile(i), written.get(i));
        assertThat(file.position(1000L + i)).isEqualTo(i);
      }
      assertThat(file.position(5)).isEqualTo(-1);
      try (ProfileFile.Cursor cursor = file.cursor()) {
        int i = 0;
        while (cursor.hasNext()) {
          assertSame(cursor.next(), written.get(i));
          assertThat(cursor.key()).isEqualTo(1000L + i);
          i++;
        }
        assertThat(i).isEqualTo(50);
      }
    }
  }

  @Test
  void entriesCopiedAsStoredReadBackAsWrittenBetweenNewOnes() {
    List<TextProfile> written = write("t-1");
    TextProfile added = builder.profile("A new headline about Acme", "And its excerpt", null);
    try (ProfileFile old = ProfileFile.open(dir, "t-1", SETTINGS);
        ProfileFile.Writer out = ProfileFile.create(dir, "t-2", SETTINGS);
        ProfileFile.Cursor cursor = old.cursor()) {
      while (cursor.hasNext()) {
        cursor.advance();
        if (cursor.key() == 1010L) {
          assertSame(cursor.profile(), written.get(10)); // decoded on demand, then copied
        }
        cursor.copyTo(out);
        if (cursor.key() == 1021L) { // the last of its time
          out.add(1021L + 1_000_000, cursor.time(), added); // same time, later key
        }
      }
      out.finish();
    }
    try (ProfileFile old = ProfileFile.open(dir, "t-1", SETTINGS);
        ProfileFile copy = ProfileFile.open(dir, "t-2", SETTINGS)) {
      assertThat(copy).isNotNull();
      assertThat(copy.size()).isEqualTo(51);
      for (int i = 0, j = 0; i < copy.size(); i++) {
        if (copy.key(i) == 1021L + 1_000_000) {
          assertSame(copy.profile(i), added);
          assertThat(copy.fingerprint(i)).isEqualTo(added.fingerprint());
          continue;
        }
        assertThat(copy.key(i)).isEqualTo(old.key(j));
        assertThat(copy.time(i)).isEqualTo(old.time(j));
        assertThat(copy.fingerprint(i)).isEqualTo(written.get(j).fingerprint());
        assertSame(copy.profile(i), written.get(j));
        j++;
      }
    }
  }

  @Test
  void aLargeIndexIsReadWhole() {
    int n = 10_000; // an index larger than one read
    try (ProfileFile.Writer out = ProfileFile.create(dir, "big", SETTINGS)) {
      for (int i = 0; i < n; i++) {
        out.add(
            i, i / 3, i % 2 == 0 ? TextProfile.EMPTY : builder.profile("word " + i, null, null));
      }
      out.finish();
    }
    try (ProfileFile file = ProfileFile.open(dir, "big", SETTINGS)) {
      assertThat(file).isNotNull();
      assertThat(file.size()).isEqualTo(n);
      for (int i = 0; i < n; i += 997) {
        assertThat(file.key(i)).isEqualTo(i);
        assertThat(file.time(i)).isEqualTo(i / 3);
        assertThat(file.profile(i).isEmpty()).isEqualTo(i % 2 == 0);
      }
      assertThat(file.key(n - 1)).isEqualTo(n - 1);
    }
  }

  @Test
  void anEmptyFileIsAFile() {
    try (ProfileFile.Writer out = ProfileFile.create(dir, "empty", SETTINGS)) {
      out.finish();
    }
    try (ProfileFile file = ProfileFile.open(dir, "empty", SETTINGS)) {
      assertThat(file).isNotNull();
      assertThat(file.size()).isZero();
      assertThat(file.cursor().hasNext()).isFalse();
    }
  }

  @Test
  void aFileIsReadOnlyUnderItsTokenAndSettings() {
    write("t-1");
    assertThat(ProfileFile.open(dir, "t-2", SETTINGS)).isNull();
    assertThat(ProfileFile.open(dir, null, SETTINGS)).isNull();
    assertThat(ProfileFile.open(dir, "t-1", "window 3 days")).isNull();
    assertThat(ProfileFile.open(dir, "../t-1", SETTINGS)).isNull();
  }

  @Test
  void aDamagedOrUnfinishedFileIsRefused() throws IOException {
    write("t-1");
    Path file = ProfileFile.path(dir, "t-1");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));
    assertThat(ProfileFile.open(dir, "t-1", SETTINGS)).isNull();
    bytes[bytes.length - 1] ^= 1; // the footer's magic
    Files.write(file, bytes);
    assertThat(ProfileFile.open(dir, "t-1", SETTINGS)).isNull();

    // Not finished: no file under the token's name, and the partial one goes on close.
    try (ProfileFile.Writer out = ProfileFile.create(dir, "t-3", SETTINGS)) {
      out.add(1, 1, TextProfile.EMPTY);
    }
    assertThat(ProfileFile.open(dir, "t-3", SETTINGS)).isNull();
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("profiles-t-1.bin");
    }
  }

  @Test
  void profilesMustComeInPublicationOrder() {
    try (ProfileFile.Writer out = ProfileFile.create(dir, "t-1", SETTINGS)) {
      out.add(5, 100, TextProfile.EMPTY);
      assertThatThrownBy(() -> out.add(4, 100, TextProfile.EMPTY))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> out.add(9, 99, TextProfile.EMPTY))
          .isInstanceOf(IllegalArgumentException.class);
      out.add(-1L, 100, TextProfile.EMPTY); // keys order as unsigned, like their hex form
    }
  }

  @Test
  void removeAllButKeepsOnlyTheCurrentFile() throws IOException {
    write("t-1");
    write("t-2");
    Files.writeString(dir.resolve("unrelated.txt"), "kept");
    ProfileFile.removeAllBut(dir, "t-2");
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("profiles-t-2.bin", "unrelated.txt");
    }
  }

  private static void assertSame(TextProfile actual, TextProfile expected) {
    assertThat(actual.terms()).containsExactly(expected.terms());
    assertThat(actual.weights()).containsExactly(expected.weights());
    assertThat(actual.shingles()).containsExactly(expected.shingles());
    assertThat(actual.headline()).containsExactly(expected.headline());
  }
}
