package org.newsgraph.story;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;

/**
 * Connected components of an undirected graph given edge by edge (union-find with path halving and
 * union by size). Holds one entry per node seen; not thread-safe.
 */
final class Components {

  private final Map<Node, Node> parent = new HashMap<>();
  private final Map<Node, Integer> size = new HashMap<>();

  /** Joins the components of two nodes; a loop only adds the node. */
  void link(Node a, Node b) {
    Node ra = root(a);
    Node rb = root(b);
    if (ra.equals(rb)) {
      return;
    }
    if (size.get(ra) < size.get(rb)) {
      Node swap = ra;
      ra = rb;
      rb = swap;
    }
    parent.put(rb, ra);
    size.put(ra, size.get(ra) + size.remove(rb));
  }

  /** Adds a node on its own unless already present. */
  void add(Node node) {
    root(node);
  }

  /** The components with at least {@code minSize} members. */
  Collection<List<Node>> groups(int minSize) {
    Map<Node, List<Node>> groups = new HashMap<>();
    for (Node node : parent.keySet()) {
      groups.computeIfAbsent(root(node), r -> new ArrayList<>()).add(node);
    }
    groups.values().removeIf(g -> g.size() < minSize);
    return groups.values();
  }

  private Node root(Node node) {
    Node p = parent.get(node);
    if (p == null) {
      parent.put(node, node);
      size.put(node, 1);
      return node;
    }
    Node current = node;
    while (!p.equals(current)) {
      Node grand = parent.get(p);
      parent.put(current, grand);
      current = grand;
      p = parent.get(current);
    }
    return current;
  }
}
