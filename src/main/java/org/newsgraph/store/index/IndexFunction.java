package org.newsgraph.store.index;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.apache.jena.sparql.pfunction.PropertyFunctionBase;

/**
 * A property function that answers one corpus-wide grouping from TDB2's indexes: {@code (?out1
 * ?out2 …) fn:name (in1 in2 …)}, its subject a list of the variables it binds (one row a group),
 * its object the list of its inputs (terms, or variables bound before it; an unbound one is
 * absent). It reads the union of the store's named graphs, as newsgraph's queries do, whatever
 * graph the pattern stands in.
 */
abstract class IndexFunction extends PropertyFunctionBase {

  private final String name;
  private final int outputs;
  private final int inputs;

  IndexFunction(String name, int outputs, int inputs) {
    this.name = name;
    this.outputs = outputs;
    this.inputs = inputs;
  }

  /** The function's name as a query writes it, {@code fn:name}, for messages. */
  final String label() {
    return "fn:" + name;
  }

  @Override
  public void build(
      PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext context) {
    if (subject.getArgListSize() != outputs
        || !subject.getArgList().stream().allMatch(Node::isVariable)) {
      throw new QueryBuildException(
          label() + " binds a list of " + outputs + " variables: (?v1 … ?v" + outputs + ")");
    }
    if (object.getArgListSize() != inputs) {
      throw new QueryBuildException(label() + " takes a list of " + inputs + " inputs");
    }
  }

  @Override
  public QueryIterator exec(
      Binding binding,
      PropFuncArg subject,
      Node predicate,
      PropFuncArg object,
      ExecutionContext context) {
    List<Node> given = new ArrayList<>();
    for (Node in : object.getArgList()) {
      given.add(in.isVariable() ? binding.get(Var.alloc(in)) : in);
    }
    List<Var> vars = subject.getArgList().stream().map(Var::alloc).toList();
    if (vars.stream().anyMatch(binding::contains)) {
      throw new QueryExecException(label() + ": its output variables must be unbound before it");
    }
    Iterator<Node[]> rows = rows(QuadIndex.of(context, label()), given);
    Iterator<Binding> bindings =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return rows.hasNext();
          }

          @Override
          public Binding next() {
            Node[] row = rows.next();
            BindingBuilder out = Binding.builder(binding);
            for (int i = 0; i < row.length; i++) {
              if (row[i] != null) {
                out.add(vars.get(i), row[i]);
              }
            }
            return out.build();
          }
        };
    return QueryIterPlainWrapper.create(bindings, context);
  }

  /**
   * The groups, one array of {@code outputs} terms each (null for an unbound one).
   *
   * @param index the store's quads
   * @param given the inputs, null where absent
   */
  abstract Iterator<Node[]> rows(QuadIndex index, List<Node> given);

  /** An integer input, or its default when absent. */
  final long integer(Node given, long fallback) {
    if (given == null) {
      return fallback;
    }
    NodeValue value = NodeValue.makeNode(given);
    if (!value.isInteger()) {
      throw new QueryExecException(label() + ": expected an integer, got " + given);
    }
    return value.getInteger().longValueExact();
  }

  /** A string input, or its default when absent. */
  final String string(Node given, String fallback) {
    if (given == null) {
      return fallback;
    }
    if (!given.isLiteral()) {
      throw new QueryExecException(label() + ": expected a string, got " + given);
    }
    return given.getLiteralLexicalForm();
  }
}
