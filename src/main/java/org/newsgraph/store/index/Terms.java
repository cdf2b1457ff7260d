package org.newsgraph.store.index;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.newsgraph.model.LongIntMap;

/**
 * The few distinct terms of one kind a function groups by (topics, providers), each given a small
 * number in the order first seen, with its term and its {@code STR()} read from the store once.
 */
final class Terms {

  private final QuadIndex index;
  private final LongIntMap numbers = new LongIntMap();
  private final List<Long> ids = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();

  Terms(QuadIndex index) {
    this.index = index;
  }

  /** The number of a term by its id, given one when first seen. */
  int index(long id) {
    int number = numbers.get(id);
    if (number == LongIntMap.ABSENT) {
      number = ids.size();
      numbers.put(id, number);
      ids.add(id);
      nodes.add(null);
      texts.add(null);
    }
    return number;
  }

  /** The number of a term already numbered, or -1. */
  int known(long id) {
    int number = numbers.get(id);
    return number == LongIntMap.ABSENT ? -1 : number;
  }

  /** How many terms have a number. */
  int size() {
    return ids.size();
  }

  long id(int number) {
    return ids.get(number);
  }

  /** The term of a number. */
  Node node(int number) {
    Node node = nodes.get(number);
    if (node == null) {
      node = index.node(ids.get(number));
      nodes.set(number, node);
    }
    return node;
  }

  /**
   * {@code STR()} of the term: an IRI's text or a literal's lexical form; null for a blank node.
   */
  String text(int number) {
    String text = texts.get(number);
    if (text == null) {
      Node node = node(number);
      text = node.isURI() ? node.getURI() : node.isLiteral() ? node.getLiteralLexicalForm() : null;
      texts.set(number, text);
    }
    return text;
  }
}
