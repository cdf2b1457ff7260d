package org.newsgraph.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A network export read back by the test: nodes by id with their attributes (the label under {@code
 * label}, every key in lower case), and the edges in file order. The same network gives the same
 * value from GraphML, GEXF and CSV.
 *
 * @param nodes each node's attributes by node id
 * @param edges the edges
 */
record ParsedNetwork(Map<String, Map<String, String>> nodes, List<Edge> edges) {

  /** One edge: its ends, its weight (1 when none is written) and its other attributes. */
  record Edge(String source, String target, double weight, Map<String, String> data) {}

  /**
   * The network as every format can carry it: labels on one line and values without the characters
   * XML 1.0 cannot hold (what GEXF and GraphML make of them), so that the three formats compare
   * equal.
   */
  ParsedNetwork comparable() {
    Map<String, Map<String, String>> n = new LinkedHashMap<>();
    nodes.forEach((id, data) -> n.put(id, comparable(data)));
    List<Edge> e = new ArrayList<>();
    edges.forEach(
        edge ->
            e.add(new Edge(edge.source(), edge.target(), edge.weight(), comparable(edge.data()))));
    return new ParsedNetwork(n, e);
  }

  private static Map<String, String> comparable(Map<String, String> data) {
    Map<String, String> out = new LinkedHashMap<>();
    data.forEach(
        (k, v) -> {
          String clean = XmlDocument.clean(v);
          out.put(k, k.equals("label") ? GexfWriter.oneLine(clean) : clean);
        });
    return out;
  }

  /** The sum of the edge weights. */
  double weightSum() {
    return edges.stream().mapToDouble(Edge::weight).sum();
  }

  /** Reads GraphML with the JDK's DOM parser. */
  static ParsedNetwork graphml(String xml) {
    Element root = parse(xml).getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(GraphmlWriter.NS);
    Map<String, String> keyNames = new HashMap<>();
    for (Element key : children(root, "key")) {
      keyNames.put(key.getAttribute("id"), key.getAttribute("attr.name"));
    }
    Element graph = children(root, "graph").get(0);
    assertThat(graph.getAttribute("edgedefault")).isEqualTo("directed");
    Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
    for (Element node : children(graph, "node")) {
      Map<String, String> data = new LinkedHashMap<>();
      for (Element d : children(node, "data")) {
        data.put(keyNames.get(d.getAttribute("key")), d.getTextContent());
      }
      assertThat(nodes.put(node.getAttribute("id"), data)).as("a node id written twice").isNull();
    }
    List<Edge> edges = new ArrayList<>();
    for (Element edge : children(graph, "edge")) {
      Map<String, String> data = new LinkedHashMap<>();
      for (Element d : children(edge, "data")) {
        data.put(keyNames.get(d.getAttribute("key")), d.getTextContent());
      }
      String weight = data.remove("weight");
      edges.add(
          new Edge(
              edge.getAttribute("source"),
              edge.getAttribute("target"),
              weight == null ? 1 : Double.parseDouble(weight),
              data));
    }
    return new ParsedNetwork(nodes, edges);
  }

  /** Reads GEXF 1.3 with the JDK's DOM parser. */
  static ParsedNetwork gexf(String xml) {
    Element root = parse(xml).getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(GexfWriter.NS);
    assertThat(root.getAttribute("version")).isEqualTo("1.3");
    Element graph = children(root, "graph").get(0);
    assertThat(graph.getAttribute("defaultedgetype")).isEqualTo("directed");
    Map<String, Map<String, String>> titles = new HashMap<>();
    for (Element attributes : children(graph, "attributes")) {
      Map<String, String> byId = new HashMap<>();
      for (Element a : children(attributes, "attribute")) {
        byId.put(a.getAttribute("id"), a.getAttribute("title"));
      }
      titles.put(attributes.getAttribute("class"), byId);
    }
    Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
    for (Element node : children(children(graph, "nodes").get(0), "node")) {
      Map<String, String> data = new LinkedHashMap<>();
      if (node.hasAttribute("label")) {
        data.put("label", node.getAttribute("label"));
      }
      data.putAll(attvalues(node, titles.getOrDefault("node", Map.of())));
      assertThat(nodes.put(node.getAttribute("id"), data)).as("a node id written twice").isNull();
    }
    List<Edge> edges = new ArrayList<>();
    for (Element edge : children(children(graph, "edges").get(0), "edge")) {
      edges.add(
          new Edge(
              edge.getAttribute("source"),
              edge.getAttribute("target"),
              edge.hasAttribute("weight") ? Double.parseDouble(edge.getAttribute("weight")) : 1,
              attvalues(edge, titles.getOrDefault("edge", Map.of()))));
    }
    return new ParsedNetwork(nodes, edges);
  }

  /** Reads {@code nodes.csv} and {@code edges.csv} of a folder. */
  static ParsedNetwork csv(Path folder) throws IOException {
    List<List<String>> nodeRows = Csv.parse(read(folder.resolve("nodes.csv")));
    List<String> header = nodeRows.get(0);
    assertThat(header.subList(0, 2)).containsExactly("Id", "Label");
    Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
    for (List<String> row : nodeRows.subList(1, nodeRows.size())) {
      assertThat(row).hasSameSizeAs(header);
      Map<String, String> data = new LinkedHashMap<>();
      for (int i = 1; i < row.size(); i++) {
        if (!row.get(i).isEmpty()) {
          data.put(header.get(i).toLowerCase(Locale.ROOT), row.get(i));
        }
      }
      assertThat(nodes.put(row.get(0), data)).as("a node id written twice").isNull();
    }
    List<List<String>> edgeRows = Csv.parse(read(folder.resolve("edges.csv")));
    List<String> edgeHeader = edgeRows.get(0);
    assertThat(edgeHeader.subList(0, 4)).containsExactly("Source", "Target", "Type", "Weight");
    List<Edge> edges = new ArrayList<>();
    for (List<String> row : edgeRows.subList(1, edgeRows.size())) {
      assertThat(row).hasSameSizeAs(edgeHeader);
      assertThat(row.get(2)).isEqualTo("Directed");
      Map<String, String> data = new LinkedHashMap<>();
      for (int i = 4; i < row.size(); i++) {
        if (!row.get(i).isEmpty()) {
          data.put(edgeHeader.get(i).toLowerCase(Locale.ROOT), row.get(i));
        }
      }
      edges.add(new Edge(row.get(0), row.get(1), Double.parseDouble(row.get(3)), data));
    }
    return new ParsedNetwork(nodes, edges);
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static Map<String, String> attvalues(Element owner, Map<String, String> titles) {
    Map<String, String> data = new LinkedHashMap<>();
    for (Element values : children(owner, "attvalues")) {
      for (Element v : children(values, "attvalue")) {
        data.put(titles.get(v.getAttribute("for")), v.getAttribute("value"));
      }
    }
    return data;
  }

  private static Document parse(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
    }
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList all = parent.getChildNodes();
    for (int i = 0; i < all.getLength(); i++) {
      if (all.item(i) instanceof Element e && e.getLocalName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }
}
