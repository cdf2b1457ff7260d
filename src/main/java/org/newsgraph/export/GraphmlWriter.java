package org.newsgraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.newsgraph.export.Network.Attribute;

/**
 * Writes a {@link Network} as GraphML: a {@code <key>} with its {@code attr.type} for every
 * attribute (the node label under the key {@code label}, the edge weight under {@code weight}, the
 * names Gephi and networkx read as such), then the nodes, then the edges, streamed.
 */
public final class GraphmlWriter {

  /** The GraphML namespace. */
  public static final String NS = "http://graphml.graphdrawing.org/xmlns";

  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private GraphmlWriter() {}

  /**
   * Writes the network.
   *
   * @param out the stream; flushed, not closed
   * @return how many nodes and edges were written
   * @throws IOException when the stream cannot be written
   * @throws org.newsgraph.store.StoreException when the store cannot be read
   */
  public static Network.Written write(Network network, OutputStream out) throws IOException {
    XmlDocument xml = new XmlDocument(out);
    xml.start("graphml")
        .namespace(NS)
        .namespace("xsi", XSI)
        .attribute(XSI, "schemaLocation", NS + " " + NS + "/1.0/graphml.xsd");
    key(xml, "label", "node", "string");
    for (Attribute a : network.nodeAttributes()) {
      key(xml, a.id(), "node", "string");
    }
    if (network.weighted()) {
      key(xml, "weight", "edge", "double");
    }
    for (Attribute a : network.edgeAttributes()) {
      key(xml, a.id(), "edge", "string");
    }
    xml.start("graph").attribute("id", network.name()).attribute("edgedefault", "directed");
    xml.element("desc", network.description(), null, null);
    List<Attribute> nodeAttributes = network.nodeAttributes();
    List<Attribute> edgeAttributes = network.edgeAttributes();
    long[] edges = {0};
    long nodes;
    try {
      nodes =
          network.nodes(
              (id, label, values) -> {
                try {
                  xml.start("node").attribute("id", id);
                  if (label != null) {
                    xml.element("data", label, "key", "label");
                  }
                  data(xml, nodeAttributes, values);
                  xml.end();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      network.edges(
          (source, target, weight, values) -> {
            try {
              xml.start("edge")
                  .attribute("id", "e" + edges[0]++)
                  .attribute("source", source)
                  .attribute("target", target);
              if (network.weighted()) {
                xml.element("data", Long.toString(weight), "key", "weight");
              }
              data(xml, edgeAttributes, values);
              xml.end();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    xml.end().end().finish();
    return new Network.Written(nodes, edges[0]);
  }

  private static void key(XmlDocument xml, String id, String kind, String type) throws IOException {
    xml.empty("key")
        .attribute("id", id)
        .attribute("for", kind)
        .attribute("attr.name", id)
        .attribute("attr.type", type);
  }

  private static void data(XmlDocument xml, List<Attribute> attributes, List<String> values)
      throws IOException {
    for (int i = 0; i < attributes.size(); i++) {
      if (values.get(i) != null) {
        xml.element("data", values.get(i), "key", attributes.get(i).id());
      }
    }
  }
}
