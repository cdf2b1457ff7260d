package org.newsgraph.source;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsgraph.model.Position;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Parses YAML text into {@link YamlValue} trees with positions. SnakeYAML is used only to compose
 * its node graph, never to construct Java objects, so no class is ever loaded from a tag and no
 * implicit YAML 1.1 typing happens. Aliases, nesting depth and size are limited; duplicate keys and
 * non-standard tags are rejected. Instances are immutable and thread-safe (a SnakeYAML parser is
 * created per call).
 */
public final class YamlReader {

  private static final String STANDARD_TAG_PREFIX = "tag:yaml.org,2002:";
  private static final Set<String> STANDARD_TAGS =
      Set.of("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "merge");

  private final ReaderLimits limits;

  /** A reader with the given limits. */
  public YamlReader(ReaderLimits limits) {
    this.limits = limits;
  }

  /**
   * Parses every document of a YAML stream. Empty documents (such as the one after a stray trailing
   * {@code ---}) are dropped.
   *
   * @param text the YAML text
   * @param lineOffset lines before {@code text} in its file, added to every position (0 when the
   *     text starts the file)
   * @return the non-empty documents in order
   * @throws SourceException with the parser's own message and position when the YAML is malformed,
   *     or when a limit or a rule of this reader is broken
   */
  public List<YamlValue> readAll(String text, int lineOffset) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // checked below, where both lines are known
    options.setMaxAliasesForCollections(limits.maxAliases());
    options.setNestingDepthLimit(limits.maxDepth());
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    Yaml yaml =
        new Yaml(
            new SafeConstructor(options),
            new Representer(new DumperOptions()),
            new DumperOptions(),
            options);
    List<YamlValue> documents = new ArrayList<>();
    try {
      for (Node node : yaml.composeAll(new StringReader(text))) {
        if (node == null || isEmptyDocument(node)) {
          continue;
        }
        documents.add(new Converter(lineOffset).convert(node, 0));
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      String context = e.getContext() != null ? e.getContext() + ": " : "";
      throw new SourceException(position(mark, lineOffset), "malformed YAML: " + context + problem);
    } catch (YAMLException e) {
      throw new SourceException(
          new Position(lineOffset + 1, 1), "YAML refused: " + firstLine(e.getMessage()));
    }
    return documents;
  }

  private static boolean isEmptyDocument(Node node) {
    return node instanceof ScalarNode scalar
        && scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
        && scalar.getValue().isEmpty();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  static Position position(Mark mark, int lineOffset) {
    if (mark == null) {
      return new Position(lineOffset + 1, 1);
    }
    return new Position(mark.getLine() + 1 + lineOffset, mark.getColumn() + 1);
  }

  /** Turns one composed document into a value tree; not thread-safe, one per document. */
  private final class Converter {
    private final int lineOffset;
    private final Map<Node, Boolean> onPath = new IdentityHashMap<>();

    Converter(int lineOffset) {
      this.lineOffset = lineOffset;
    }

    YamlValue convert(Node node, int depth) {
      Position at = position(node.getStartMark(), lineOffset);
      if (depth > limits.maxDepth()) {
        throw SourceException.tooDeep(at, limits.maxDepth());
      }
      checkTag(node, at);
      if (onPath.put(node, Boolean.TRUE) != null) {
        throw new SourceException(at, "recursive alias: a value that contains itself");
      }
      try {
        if (node instanceof ScalarNode scalar) {
          boolean plain = scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
          return new YamlValue.Scalar(scalar.getValue(), plain, at);
        }
        if (node instanceof SequenceNode sequence) {
          List<YamlValue> items = new ArrayList<>(sequence.getValue().size());
          for (Node item : sequence.getValue()) {
            items.add(convert(item, depth + 1));
          }
          return new YamlValue.Sequence(items, at);
        }
        MappingNode mapping = (MappingNode) node;
        Map<String, YamlValue> entries = new LinkedHashMap<>();
        Map<String, Position> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
          Node keyNode = tuple.getKeyNode();
          Position keyAt = position(keyNode.getStartMark(), lineOffset);
          if (!(keyNode instanceof ScalarNode keyScalar)) {
            throw new SourceException(keyAt, "a mapping key must be a plain string");
          }
          String key = keyScalar.getValue();
          Position earlier = keys.get(key);
          if (earlier != null) {
            throw SourceException.duplicateKey(key, earlier, keyAt);
          }
          keys.put(key, keyAt);
          entries.put(key, convert(tuple.getValueNode(), depth + 1));
        }
        return new YamlValue.Mapping(entries, keys, at);
      } finally {
        onPath.remove(node);
      }
    }

    private void checkTag(Node node, Position at) {
      String tag = node.getTag().getValue();
      if (!tag.startsWith(STANDARD_TAG_PREFIX)
          || !STANDARD_TAGS.contains(tag.substring(STANDARD_TAG_PREFIX.length()))) {
        throw new SourceException(at, "tag '" + tag + "' is not allowed (only plain YAML data)");
      }
    }
  }
}
