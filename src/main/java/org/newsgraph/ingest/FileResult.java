package org.newsgraph.ingest;

import java.util.List;
import org.newsgraph.model.Position;
import org.newsgraph.model.Problem;
import org.newsgraph.store.GraphContent;

/**
 * What a worker made of one source file.
 *
 * @param name the file as the user named it (for messages)
 * @param path its absolute normalised path (the identity kept in the metadata), or {@code <stdin>}
 * @param sha256 the SHA-256 of its bytes, hex (null when it was skipped by its stamp, unread)
 * @param unchanged true when the hash equals the stored one; then nothing else was done
 * @param graphs one content per record, in record order; empty when rejected
 * @param positions where each record starts, parallel to {@code graphs}
 * @param problems every error and warning, in file order
 * @param stamp the file's size and modification time to record, or null (standard input, a file
 *     modified moments before it was read, or one that could not be read)
 * @param restamp true when the file is unchanged by its hash but {@code stamp} differs from the
 *     recorded one (touched, or recorded as racy): only the stamp is rewritten
 */
record FileResult(String name, String path, String sha256, boolean unchanged,
    List<GraphContent> graphs, List<Position> positions, List<Problem> problems, FileStamp stamp,
    boolean restamp) {

  /** A file that could not be read or found. */
  static FileResult failed(String name, String path, Problem problem) {
    return new FileResult(name, path, "", false, List.of(), List.of(), List.of(problem), null, false);
  }

  /** True when some problem is an error: the file is left out whole. */
  boolean rejected() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
