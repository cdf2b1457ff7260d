package org.newsgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge-state file: what is written is read back exactly (odd literals included), a run's
 * changes replace and drop states while the others are carried over, and a file that is missing, of
 * another token, cut short or damaged gives no states (the merges then read every description).
 */
class MergeStatesTest {

  @TempDir Path dir;

  private static final Node A = NodeFactory.createURI("https://w3id.org/newsgraph/id/graph/a");
  private static final Node B = NodeFactory.createURI("https://w3id.org/newsgraph/id/graph/b");
  private static final Node C = NodeFactory.createURI("https://w3id.org/newsgraph/id/graph/c");
  private static final String T1 = "0123456789abcdef0123456789abcdef";
  private static final String T2 = "fedcba9876543210fedcba9876543210";

  @Test
  void statesAreReadBackAsWrittenAndARunsChangesApplyToTheRest() throws IOException {
    MergeStates.Entry a = entry("Tide \"tables\"\nline two, \u00e9t\u00e9 \uD83C\uDF0A", "a.xml");
    MergeStates.Entry b = entry("Market hall", "b.xml");
    try (MergeStates.Changes changes = new MergeStates.Changes(dir)) {
      changes.put(A, a);
      changes.put(B, b);
      MergeStates.none().save(dir, T1, changes);
    }
    try (MergeStates first = MergeStates.open(dir, T1)) {
      assertEquals(2, first.size());
      assertSame(a, first.get(A));
      assertSame(b, first.get(B));
      assertNull(first.get(C));
      MergeStates.Entry c = entry("Bus route", "c.xml");
      try (MergeStates.Changes changes = new MergeStates.Changes(dir)) {
        changes.drop(A);
        changes.put(C, c);
        first.save(dir, T2, changes);
      }
      try (MergeStates second = MergeStates.open(dir, T2)) {
        assertFalse(second.has(A));
        assertSame(b, second.get(B));
        assertSame(c, second.get(C));
      }
    }
  }

  @Test
  void aMissingForeignShortOrDamagedFileGivesNoStates() throws IOException {
    try (MergeStates.Changes changes = new MergeStates.Changes(dir)) {
      changes.put(A, entry("Ferry", "a.xml"));
      MergeStates.none().save(dir, T1, changes);
    }
    assertEquals(0, MergeStates.open(dir, T2).size(), "no file of that token");
    Path file = MergeStates.path(dir, T1);
    Files.copy(file, MergeStates.path(dir, T2));
    assertEquals(0, MergeStates.open(dir, T2).size(), "a file that names another token");
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(whole, whole.length - 5));
    assertEquals(0, MergeStates.open(dir, T1).size(), "cut short");
    whole[whole.length / 2] ^= 0x5a;
    Files.write(file, whole, StandardOpenOption.TRUNCATE_EXISTING);
    try (MergeStates damaged = MergeStates.open(dir, T1)) {
      // Either the index no longer reads, or the entry fails its check: never a wrong state.
      assertNull(damaged.get(A));
    }
  }

  @Test
  void noStatesNoFile() throws IOException {
    try (MergeStates.Changes changes = new MergeStates.Changes(dir)) {
      MergeStates.none().save(dir, T1, changes);
    }
    assertFalse(Files.exists(MergeStates.path(dir, T1)));
  }

  private static MergeStates.Entry entry(String headline, String file) {
    Node article = NodeFactory.createURI("https://w3id.org/newsgraph/id/article/0011223344556677");
    RDFDatatype html = org.apache.jena.vocabulary.RDF.dtRDFHTML;
    List<Triple> own =
        List.of(
            Triple.create(
                article,
                NodeFactory.createURI("http://schema.org/headline"),
                NodeFactory.createLiteralString(headline)),
            Triple.create(
                article,
                NodeFactory.createURI("http://schema.org/datePublished"),
                NodeFactory.createLiteralDT("2024-03-04T07:00:00Z", XSDDatatype.XSDdateTime)),
            Triple.create(
                article,
                NodeFactory.createURI("https://w3id.org/newsgraph/ns#featuredContent"),
                NodeFactory.createLiteralDT("<p>x &amp; y</p>", html)));
    return new MergeStates.Entry(
        new Description.Precedence(1_709_535_600_000L, true, true, "/feeds/" + file, 3, 7),
        own,
        new byte[] {MergeStates.ONLY_OWN, MergeStates.UNKNOWN, MergeStates.ALSO_SHARED},
        4,
        Long.MIN_VALUE,
        null,
        "/feeds/" + file,
        "publication time 2024-03-01T00:00:00Z in a, 2024-03-04T00:00:00Z in b");
  }

  private static void assertSame(MergeStates.Entry expected, MergeStates.Entry actual) {
    assertEquals(expected.winner(), actual.winner());
    assertEquals(expected.own(), actual.own());
    assertArrayEquals(expected.flags(), actual.flags());
    assertEquals(expected.descriptions(), actual.descriptions());
    assertEquals(expected.published(), actual.published());
    assertEquals(expected.provider(), actual.provider());
    assertEquals(expected.path(), actual.path());
    assertEquals(expected.conflict(), actual.conflict());
  }
}
