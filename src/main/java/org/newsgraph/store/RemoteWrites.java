package org.newsgraph.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;

/**
 * How a remote store writes many graphs: SPARQL Update requests that each replace many graphs,
 *
 * <pre>
 * DROP SILENT GRAPH &lt;g1&gt; ; DROP SILENT GRAPH &lt;g2&gt; ; ...
 * INSERT DATA { GRAPH &lt;g1&gt; { ... } GRAPH &lt;g2&gt; { ... } ... } ;
 * DELETE WHERE { GRAPH &lt;meta&gt; { &lt;s&gt; ?p ?o } } ; ... INSERT DATA { GRAPH &lt;meta&gt; { ... } }
 * </pre>
 *
 * <p>A batch that fits in {@code maxBytes} goes in one request with its metadata update, so an
 * engine that applies an update request atomically (Fuseki over TDB2 does) applies the batch whole
 * or not at all. A larger batch goes in several requests of whole graphs, the metadata with the
 * last (or in requests of its own after it, on an engine that takes few operations a request), so
 * that a failure part-way leaves metadata behind the data, never ahead of it. Every request is
 * idempotent: each graph is dropped and written whole.
 *
 * <p>When the endpoint refuses a request of several graphs (an HTTP error status after the
 * retries), its graphs are sent again in two halves, and so on down to single graphs, so that one
 * graph the engine will not take fails alone and the others are written; the batch's metadata is
 * then not written, and the failure names exactly the graphs that failed. An endpoint that cannot
 * be reached at all, refuses the credentials, or keeps refusing requests beyond what one bad graph
 * explains (one refusal per halving) fails the rest of the batch at once. One instance writes one
 * batch.
 */
final class RemoteWrites {

  /** Sends one update request (with the caller's retries), or throws. */
  interface Sender {
    /**
     * @param what the request, for messages
     * @param update the SPARQL Update text
     * @throws StoreException when it fails after the retries; a {@link RemoteRefusedException} when
     *     the endpoint answered with an error status
     */
    void send(String what, String update);
  }

  /** One graph's share of a request: its drop, and its data block (empty when it is removed). */
  private record Part(Node graph, String drop, String data, long bytes) {}

  private final Sender sender;
  private final long maxBytes;
  private final int maxGraphs;
  private final String where;
  private final int attempts;
  private final List<String> failed = new ArrayList<>();
  private StoreException last;
  private boolean givenUp;
  private int refusals;
  private int refusalBudget;

  private static final String METADATA = "update of the metadata graph";

  /** Bytes a request holds besides its parts: {@code INSERT DATA { }} and separators. */
  private static final int FRAME = 64;

  /**
   * @param sender sends one request
   * @param maxBytes the most bytes of one request (a single graph larger than this goes alone)
   * @param maxGraphs the most graphs of one request
   * @param where the store, for messages
   * @param attempts tries per request, for messages
   */
  RemoteWrites(Sender sender, long maxBytes, int maxGraphs, String where, int attempts) {
    this.sender = sender;
    this.maxBytes = maxBytes;
    this.maxGraphs = maxGraphs;
    this.where = where;
    this.attempts = attempts;
  }

  /**
   * The operations of a metadata update: one {@code DELETE WHERE} for each subject, then {@code
   * INSERT DATA} in blocks of at most {@link RemoteQuirks#MAX_TRIPLES_PER_BLOCK} triples. Sent in
   * this order, in one request or (on an engine that takes fewer operations) several.
   */
  static List<String> metadataOperations(Node graph, List<Node> subjects, List<Triple> triples) {
    String g = NodeFmtLib.strNT(graph);
    List<String> operations = new ArrayList<>();
    for (Node subject : subjects) {
      operations.add(
          "DELETE WHERE { GRAPH " + g + " { " + NodeFmtLib.strNT(subject) + " ?p ?o } }");
    }
    for (int i = 0; i < triples.size(); i += RemoteQuirks.MAX_TRIPLES_PER_BLOCK) {
      StringBuilder insert = new StringBuilder("INSERT DATA { GRAPH ").append(g).append(" {\n");
      for (Triple t :
          triples.subList(i, Math.min(triples.size(), i + RemoteQuirks.MAX_TRIPLES_PER_BLOCK))) {
        appendTriple(insert, t);
      }
      operations.add(insert.append("} }").toString());
    }
    return operations;
  }

  /**
   * Replaces {@code replace}, removes {@code delete}, then applies the metadata update.
   *
   * @param metadata the operations of the metadata update ({@link #metadataOperations}), applied
   *     after every graph is written; may be empty
   * @throws StoreException when a graph could not be written (naming each such graph; the metadata
   *     is then not applied) or the metadata update failed
   */
  void write(Collection<GraphContent> replace, Collection<Node> delete, List<String> metadata) {
    List<Part> parts = new ArrayList<>(replace.size() + delete.size());
    for (GraphContent content : replace) {
      parts.add(part(content.graph(), content.triples()));
    }
    for (Node graph : delete) {
      parts.add(part(graph, List.of()));
    }
    // A single graph the engine refuses costs about one failed request per halving; beyond that,
    // an endpoint that refuses everything is not asked graph by graph.
    refusalBudget = 64 - Long.numberOfLeadingZeros(Math.max(1, parts.size())) + 2;
    long metaBytes = 0;
    for (String operation : metadata) {
      metaBytes += utf8Length(operation) + 3;
    }
    List<List<Part>> chunks = parts.isEmpty() ? List.of() : chunks(parts);
    boolean metadataApplied = metadata.isEmpty();
    for (int i = 0; i < chunks.size(); i++) {
      List<Part> chunk = chunks.get(i);
      boolean withMeta =
          i == chunks.size() - 1
              && !metadata.isEmpty()
              && bytes(chunk) + metaBytes + FRAME <= maxBytes
              && chunk.size() + metadata.size() <= maxGraphs;
      metadataApplied |= send(chunk, withMeta ? String.join(" ;\n", metadata) : null);
    }
    if (!failed.isEmpty()) {
      throw new StoreException(
          failed.size()
              + " graph(s) could not be written to "
              + where
              + " after "
              + attempts
              + " attempts ("
              + last.getMessage()
              + "); their metadata was not recorded, so a re-run writes them again: "
              + String.join(" ", failed),
          last);
    }
    if (!metadataApplied) {
      sendMetadata(metadata);
    }
  }

  /**
   * Sends the operations of a metadata update in order, as few to a request as the limits allow.
   */
  private void sendMetadata(List<String> operations) {
    StringBuilder request = new StringBuilder();
    long size = 0;
    int count = 0;
    for (String operation : operations) {
      long bytes = utf8Length(operation) + 3;
      if (count > 0 && (size + bytes + FRAME > maxBytes || count >= maxGraphs)) {
        sender.send(METADATA, request.toString());
        request.setLength(0);
        size = 0;
        count = 0;
      }
      if (count > 0) {
        request.append(" ;\n");
      }
      request.append(operation);
      size += bytes;
      count++;
    }
    if (count > 0) {
      sender.send(METADATA, request.toString());
    }
  }

  /**
   * Sends the parts, with the metadata when given, in one request; when the endpoint refuses it,
   * sends the parts again in halves, without the metadata.
   *
   * @return whether the metadata was applied
   */
  private boolean send(List<Part> parts, String metadata) {
    if (givenUp) {
      parts.forEach(p -> failed.add(p.graph().getURI()));
      return false;
    }
    try {
      sender.send(describe(parts), request(parts, metadata));
      refusals = 0;
      return metadata != null;
    } catch (RemoteRefusedException e) {
      last = e;
      if (e.authorizationRefused() || ++refusals > refusalBudget) {
        giveUp(parts);
      } else if (parts.size() == 1 && metadata == null) {
        failed.add(parts.get(0).graph().getURI());
      } else if (parts.size() == 1) {
        send(parts, null);
      } else {
        int half = parts.size() / 2;
        send(parts.subList(0, half), null);
        send(parts.subList(half, parts.size()), null);
      }
      return false;
    } catch (StoreException e) {
      last = e;
      giveUp(parts);
      return false;
    }
  }

  /** Fails these parts and every later one without sending them. */
  private void giveUp(List<Part> parts) {
    givenUp = true;
    parts.forEach(p -> failed.add(p.graph().getURI()));
  }

  /**
   * Whole parts in order, each list within {@code maxBytes} (or a single larger part) and {@code
   * maxGraphs}.
   */
  private List<List<Part>> chunks(List<Part> parts) {
    List<List<Part>> chunks = new ArrayList<>();
    List<Part> current = new ArrayList<>();
    long size = 0;
    for (Part part : parts) {
      if (!current.isEmpty() && (size + part.bytes() > maxBytes || current.size() >= maxGraphs)) {
        chunks.add(current);
        current = new ArrayList<>();
        size = 0;
      }
      current.add(part);
      size += part.bytes();
    }
    if (!current.isEmpty() || chunks.isEmpty()) {
      chunks.add(current);
    }
    return chunks;
  }

  private static long bytes(List<Part> parts) {
    long total = 0;
    for (Part p : parts) {
      total += p.bytes();
    }
    return total;
  }

  private static String describe(List<Part> parts) {
    return parts.size() == 1
        ? "write of " + parts.get(0).graph().getURI()
        : "write of " + parts.size() + " graphs";
  }

  /** The request text of some parts, and the metadata update when given. */
  private static String request(List<Part> parts, String metadata) {
    StringBuilder text = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, bytes(parts)));
    boolean anyData = false;
    for (Part p : parts) {
      if (text.length() > 0) {
        text.append(" ;\n");
      }
      text.append(p.drop());
      anyData |= !p.data().isEmpty();
    }
    if (anyData) {
      text.append(" ;\nINSERT DATA {\n");
      for (Part p : parts) {
        text.append(p.data());
      }
      text.append('}');
    }
    if (metadata != null) {
      text.append(" ;\n").append(metadata);
    }
    return text.toString();
  }

  private static Part part(Node graph, List<Triple> triples) {
    String g = NodeFmtLib.strNT(graph);
    String drop = "DROP SILENT GRAPH " + g;
    String data = "";
    if (!triples.isEmpty()) {
      StringBuilder block = new StringBuilder(triples.size() * 160);
      for (int i = 0; i < triples.size(); i++) {
        if (i % RemoteQuirks.MAX_TRIPLES_PER_BLOCK == 0) {
          block.append(i == 0 ? "" : "}\n").append("GRAPH ").append(g).append(" {\n");
        }
        appendTriple(block, triples.get(i));
      }
      block.append("}\n");
      data = block.toString();
    }
    return new Part(graph, drop, data, utf8Length(drop) + 3 + utf8Length(data));
  }

  private static void appendTriple(StringBuilder text, Triple t) {
    text.append(NodeFmtLib.strNT(t.getSubject()))
        .append(' ')
        .append(NodeFmtLib.strNT(t.getPredicate()))
        .append(' ')
        .append(NodeFmtLib.strNT(t.getObject()))
        .append(" .\n");
  }

  /** The UTF-8 length of a string, without encoding it. */
  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
