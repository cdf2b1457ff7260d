package org.newsgraph.map;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;

/**
 * Writes the statements of one subject in one graph, skipping absent (null) values, so that mappers
 * read as a list of field-to-term rules.
 *
 * @param g the named graph
 * @param s the subject
 * @param out the sink
 */
record Emitter(Node g, Node s, StreamRDF out) {

  void iri(Node p, Node o) {
    if (o != null) {
      out.quad(Quad.create(g, s, p, o));
    }
  }

  void string(Node p, String value) {
    if (value != null) {
      out.quad(Quad.create(g, s, p, NodeFactory.createLiteralString(value)));
    }
  }

  void typed(Node p, String lexical, RDFDatatype type) {
    if (lexical != null) {
      out.quad(Quad.create(g, s, p, NodeFactory.createLiteralDT(lexical, type)));
    }
  }

  void integer(Node p, Long value) {
    if (value != null) {
      out.quad(
          Quad.create(
              g, s, p, NodeFactory.createLiteralDT(value.toString(), XSDDatatype.XSDinteger)));
    }
  }

  void bool(Node p, Boolean value) {
    if (value != null) {
      out.quad(
          Quad.create(
              g, s, p, NodeFactory.createLiteralDT(value.toString(), XSDDatatype.XSDboolean)));
    }
  }
}
