package org.newsgraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.newsgraph.export.Network.Attribute;

/**
 * Writes a {@link Network} as GEXF 1.3, Gephi's format: the attributes declared per class with
 * their types, {@code defaultedgetype="directed"}, the weight on each edge of a weighted network,
 * then the nodes, then the edges, streamed. A label is written with its runs of white space made
 * one space, as XML reads an attribute anyway.
 */
public final class GexfWriter {

  /** The GEXF 1.3 namespace. */
  public static final String NS = "http://gexf.net/1.3";

  private GexfWriter() {}

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
    xml.start("gexf").namespace(NS).attribute("version", "1.3");
    xml.start("meta");
    xml.element("creator", "newsgraph", null, null);
    xml.element("description", network.name() + ": " + network.description(), null, null);
    xml.end();
    xml.start("graph").attribute("defaultedgetype", "directed").attribute("mode", "static");
    attributes(xml, "node", network.nodeAttributes());
    attributes(xml, "edge", network.edgeAttributes());
    List<Attribute> nodeAttributes = network.nodeAttributes();
    List<Attribute> edgeAttributes = network.edgeAttributes();
    long[] edges = {0};
    long nodes;
    try {
      xml.start("nodes");
      nodes =
          network.nodes(
              (id, label, values) -> {
                try {
                  xml.start("node").attribute("id", id);
                  if (label != null) {
                    xml.attribute("label", oneLine(label));
                  }
                  attvalues(xml, nodeAttributes, values);
                  xml.end();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      xml.end();
      xml.start("edges");
      network.edges(
          (source, target, weight, values) -> {
            try {
              xml.start("edge")
                  .attribute("id", "e" + edges[0]++)
                  .attribute("source", source)
                  .attribute("target", target);
              if (network.weighted()) {
                xml.attribute("weight", Long.toString(weight));
              }
              attvalues(xml, edgeAttributes, values);
              xml.end();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      xml.end();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    xml.end().end().finish();
    return new Network.Written(nodes, edges[0]);
  }

  private static void attributes(XmlDocument xml, String kind, List<Attribute> attributes)
      throws IOException {
    if (attributes.isEmpty()) {
      return;
    }
    xml.start("attributes").attribute("class", kind).attribute("mode", "static");
    for (Attribute a : attributes) {
      xml.empty("attribute")
          .attribute("id", a.id())
          .attribute("title", a.id())
          .attribute("type", a.type() == Network.Type.IRI ? "anyURI" : "string");
    }
    xml.end();
  }

  private static void attvalues(XmlDocument xml, List<Attribute> attributes, List<String> values)
      throws IOException {
    boolean any = values.stream().anyMatch(v -> v != null);
    if (!any) {
      return;
    }
    xml.start("attvalues");
    for (int i = 0; i < attributes.size(); i++) {
      if (values.get(i) != null) {
        xml.empty("attvalue")
            .attribute("for", attributes.get(i).id())
            .attribute("value", values.get(i));
      }
    }
    xml.end();
  }

  /** The text with each run of white space made one space, and none at either end. */
  static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }
}
