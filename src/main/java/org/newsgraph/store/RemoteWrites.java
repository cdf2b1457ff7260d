package org.newsgraph.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
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
 * <p>On an engine that takes quads posted to its Graph Store Protocol URL (Fuseki, whose RDF parser
 * reads TriG several times faster than its SPARQL Update parser reads {@code INSERT DATA}), the
 * graphs that a re-run would write again if the batch were lost part-way (those of the files whose
 * new hashes the batch's metadata records) are dropped with one update request and posted as TriG
 * in a second, before the other graphs and the metadata. The metadata still comes last, so a
 * failure between the two leaves graphs empty only while their files are recorded as they were
 * before: the next run reads them again and writes the graphs.
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

    /**
     * Posts quads, as TriG, to the dataset's Graph Store Protocol URL (with the caller's retries).
     *
     * @param what the request, for messages
     * @param trig the quads
     * @return false when the endpoint does not take quads posted there (nothing was written)
     * @throws StoreException as {@link #send}
     */
    default boolean post(String what, String trig) {
      return false;
    }
  }

  /** One graph's share of a request: its drop, and its data block (empty when it is removed). */
  private record Part(Node graph, String drop, String data, long bytes) {}

  private final Sender sender;
  private final long maxBytes;
  private final int maxGraphs;
  private final String where;
  private final int attempts;
  private boolean postQuads;
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
   * @param postQuads write the restorable graphs of a batch by posting them ({@link Sender#post})
   *     after one update that drops them
   */
  RemoteWrites(
      Sender sender, long maxBytes, int maxGraphs, String where, int attempts, boolean postQuads) {
    this.sender = sender;
    this.maxBytes = maxBytes;
    this.maxGraphs = maxGraphs;
    this.where = where;
    this.attempts = attempts;
    this.postQuads = postQuads;
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
   * The metadata update as one operation of few tokens, for an engine whose SPARQL parser is the
   * cost of a write (Fuseki): one {@code DELETE ... WHERE} over a {@code VALUES} list of the
   * subjects instead of one {@code DELETE WHERE} per subject, and one {@code INSERT DATA} whose
   * IRIs are written with prefixes declared at its start. Several operations in one, so that an
   * engine that applies a request atomically applies the metadata whole.
   */
  static List<String> compactMetadata(Node graph, List<Node> subjects, List<Triple> triples) {
    if (subjects.isEmpty() && triples.isEmpty()) {
      return List.of();
    }
    String g = NodeFmtLib.strNT(graph);
    Prefixes prefixes = new Prefixes("m", 64 << 10);
    StringBuilder body = new StringBuilder(64 * (subjects.size() + 2 * triples.size()));
    if (!subjects.isEmpty()) {
      body.append("DELETE { GRAPH ").append(g).append(" { ?s ?p ?o } } WHERE {\n  VALUES ?s {");
      for (Node subject : subjects) {
        body.append(' ');
        prefixes.append(body, subject);
      }
      body.append(" }\n  GRAPH ").append(g).append(" { ?s ?p ?o }\n}");
    }
    if (!triples.isEmpty()) {
      if (!subjects.isEmpty()) {
        body.append(" ;\n");
      }
      body.append("INSERT DATA { GRAPH ").append(g).append(" {\n");
      for (Triple t : triples) {
        prefixes.append(body, t.getSubject());
        body.append(' ');
        prefixes.append(body, t.getPredicate());
        body.append(' ');
        prefixes.append(body, t.getObject());
        body.append(" .\n");
      }
      body.append("} }");
    }
    return List.of(prefixes.declarations() + body);
  }

  /**
   * IRIs written as prefixed names where that is safe: the namespace is the IRI up to its last
   * {@code /} or {@code #}, and the rest must be letters, digits, {@code _} and {@code -}; anything
   * else is written as N-Triples writes it (a literal's datatype IRI is abbreviated too). The
   * labels are a letter and a number ({@code n0}, {@code n1}, ...) in order of first use, at most
   * {@value #MAX} of them and as many as fit the byte limit of the declarations.
   */
  static final class Prefixes {
    private static final int MAX = 512;
    private final java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
    private final String letter;
    private final long maxBytes;
    private long bytes;

    /**
     * @param letter the labels' first letter
     * @param maxBytes the most bytes of the declarations (beyond, IRIs are written whole)
     */
    Prefixes(String letter, long maxBytes) {
      this.letter = letter;
      this.maxBytes = maxBytes;
    }

    void append(StringBuilder out, Node node) {
      if (node.isURI()) {
        String iri = node.getURI();
        int cut = Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1;
        if (cut > 0 && cut < iri.length() && safeLocal(iri, cut)) {
          String namespace = iri.substring(0, cut);
          String label = labels.get(namespace);
          if (label == null && labels.size() < MAX) {
            String candidate = letter + labels.size();
            long more = utf8Length(namespace) + candidate.length() + 12;
            if (bytes + more <= maxBytes) {
              label = candidate;
              labels.put(namespace, label);
              bytes += more;
            }
          }
          if (label != null) {
            out.append(label).append(':').append(iri, cut, iri.length());
            return;
          }
        }
      } else if (node.isLiteral()
          && node.getLiteralLanguage().isEmpty()
          && node.getLiteralDatatype() != null
          && !node.getLiteralDatatypeURI().equals(XSD_STRING)) {
        out.append(NodeFmtLib.strNT(NodeFactory.createLiteralString(node.getLiteralLexicalForm())))
            .append("^^");
        append(out, NodeFactory.createURI(node.getLiteralDatatypeURI()));
        return;
      }
      out.append(NodeFmtLib.strNT(node));
    }

    /** The {@code PREFIX} declarations of every label used so far. */
    String declarations() {
      StringBuilder out = new StringBuilder();
      labels.forEach(
          (namespace, label) ->
              out.append("PREFIX ")
                  .append(label)
                  .append(": ")
                  .append(NodeFmtLib.strNT(NodeFactory.createURI(namespace)))
                  .append('\n'));
      return out.toString();
    }

    private static boolean safeLocal(String iri, int from) {
      for (int i = from; i < iri.length(); i++) {
        char c = iri.charAt(i);
        boolean ok =
            c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || c == '_'
                || c == '-' && i > from;
        if (!ok) {
          return false;
        }
      }
      return true;
    }

    private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
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
    write(replace, delete, metadata, Set.of());
  }

  /**
   * Replaces {@code replace}, removes {@code delete}, then applies the metadata update. When this
   * writer posts quads, the graphs of {@code restorable} go first: for each request's worth, one
   * update drops them and one post of TriG writes them (two requests: a failure between them leaves
   * the graphs empty, which a re-run repairs since the metadata comes last). Every other graph is
   * dropped and written in one update request, as without posts.
   *
   * @param restorable graphs of {@code replace} whose write may be split so ({@link
   *     StoreBatch#restorable()})
   * @throws StoreException as {@link #write(Collection, Collection, List)}
   */
  void write(
      Collection<GraphContent> replace,
      Collection<Node> delete,
      List<String> metadata,
      Set<Node> restorable) {
    List<Part> parts = new ArrayList<>(replace.size() + delete.size());
    List<Part> posted = new ArrayList<>();
    Set<Node> deleted = delete.isEmpty() ? Set.of() : new HashSet<>(delete);
    for (GraphContent content : replace) {
      Part part = part(content.graph(), content.triples());
      // A graph also removed by the batch keeps the order of one request: drops, then the data.
      boolean post =
          postQuads
              && !part.data().isEmpty()
              && restorable.contains(content.graph())
              && !deleted.contains(content.graph());
      (post ? posted : parts).add(part);
    }
    for (Node graph : delete) {
      parts.add(part(graph, List.of()));
    }
    // A single graph the engine refuses costs about one failed request per halving; beyond that,
    // an endpoint that refuses everything is not asked graph by graph.
    refusalBudget = 64 - Long.numberOfLeadingZeros(Math.max(1, parts.size() + posted.size())) + 2;
    if (!posted.isEmpty()) {
      List<Part> notTaken = new ArrayList<>();
      for (List<Part> chunk : chunks(posted)) {
        notTaken.addAll(post(chunk));
      }
      // An endpoint that does not take posted quads gets those graphs by update, as any other.
      parts.addAll(0, notTaken);
    }
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

  /**
   * Drops the parts with one update and posts their content as TriG; when the endpoint refuses
   * either, sends the parts again in halves.
   *
   * @return the parts not written because the endpoint does not take posted quads (to be written by
   *     update); empty otherwise
   */
  private List<Part> post(List<Part> parts) {
    if (!postQuads) {
      return parts;
    }
    if (givenUp) {
      parts.forEach(p -> failed.add(p.graph().getURI()));
      return List.of();
    }
    try {
      StringBuilder drops = new StringBuilder();
      StringBuilder trig = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, bytes(parts)));
      for (Part p : parts) {
        if (drops.length() > 0) {
          drops.append(" ;\n");
        }
        drops.append(p.drop());
        trig.append(p.data());
      }
      sender.send("drop of " + describe(parts).substring("write of ".length()), drops.toString());
      if (!sender.post(describe(parts), trig.toString())) {
        postQuads = false;
        return parts;
      }
      refusals = 0;
      return List.of();
    } catch (RemoteRefusedException e) {
      last = e;
      if (e.authorizationRefused() || ++refusals > refusalBudget) {
        giveUp(parts);
        return List.of();
      }
      if (parts.size() == 1) {
        failed.add(parts.get(0).graph().getURI());
        return List.of();
      }
      int half = parts.size() / 2;
      List<Part> notTaken = new ArrayList<>(post(parts.subList(0, half)));
      notTaken.addAll(post(parts.subList(half, parts.size())));
      return notTaken;
    } catch (StoreException e) {
      last = e;
      giveUp(parts);
      return List.of();
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
