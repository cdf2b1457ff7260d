package org.newsgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.zip.Adler32;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.ingest.IngestFixtures;

/**
 * A writer killed between the header and the data of a journal entry (CrashSafetyTest met it: TDB2
 * then refused to open the store with "Failed to read the journal entry data: wanted 24 bytes, got
 * -1") leaves a store that opens at its last commit.
 */
class TornJournalTest {

  private static final int REDO = 1;

  @TempDir Path tmp;

  @Test
  void aStoreWhoseJournalEndsInATornEntryOpensAtItsLastCommit() throws Exception {
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 20);
    Path db = tmp.resolve("db");
    assertThat(IngestFixtures.cli("ingest", "--db", db.toString(), src.toString()).exit()).isZero();
    Set<Quad> committed = IngestFixtures.dataQuads(db);
    Path journal = db.resolve("Data-0001").resolve(TornJournal.FILE_NAME);
    assertThat(journal).isEmptyFile();

    // The header of a 24-byte entry, and no data: what SIGKILL between the two writes leaves.
    Files.write(journal, header(24, 0, REDO), StandardOpenOption.APPEND);

    assertThat(IngestFixtures.dataQuads(db)).isEqualTo(committed);
    assertThat(journal).isEmptyFile();
    Cli.Result again = IngestFixtures.cli("ingest", "--db", db.toString(), src.toString());
    assertThat(again.err()).contains("20 files read, 0 added, 0 replaced, 20 unchanged");
  }

  @Test
  void onlyATornLastEntryIsCut() throws IOException {
    byte[] first = entry(new byte[] {1, 2, 3, 4});
    byte[] second = entry(new byte[0]);
    Path journal = tmp.resolve("journal.jrnl");

    Files.write(journal, concat(first, second));
    assertThat(TornJournal.cutTornTail(journal)).isEmpty();
    assertThat(Files.size(journal)).isEqualTo(first.length + second.length);

    Files.write(journal, concat(first, java.util.Arrays.copyOf(second, 10)));
    assertThat(TornJournal.cutTornTail(journal)).hasValue(10);
    assertThat(Files.readAllBytes(journal)).isEqualTo(first);

    byte[] damaged = entry(new byte[] {9, 9});
    damaged[damaged.length - 1] ^= 1;
    Files.write(journal, concat(first, damaged));
    assertThat(TornJournal.cutTornTail(journal)).hasValue(damaged.length);
    assertThat(Files.readAllBytes(journal)).isEqualTo(first);

    // Damage before the last entry is not a torn tail: left for TDB2 to report.
    byte[] damagedFirst = first.clone();
    damagedFirst[damagedFirst.length - 1] ^= 1;
    Files.write(journal, concat(damagedFirst, second));
    assertThat(TornJournal.cutTornTail(journal)).isEmpty();
  }

  /** A whole journal entry whose checksum holds. */
  private static byte[] entry(byte[] data) {
    byte[] header = header(data.length == 0 ? -1 : data.length, 0, REDO);
    Adler32 adler = new Adler32();
    adler.update(header);
    adler.update(data);
    ByteBuffer.wrap(header).putInt(4, (int) adler.getValue());
    return concat(header, data);
  }

  /** Length, checksum, type and a component id. */
  private static byte[] header(int length, int checksum, int type) {
    ByteBuffer header = ByteBuffer.allocate(TornJournal.HEADER);
    header.putInt(length).putInt(checksum).putInt(type).put(new byte[TornJournal.HEADER - 12]);
    return header.array();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
