package org.newsgraph.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsgraph.model.Position;

/**
 * A YAML value with its position in the file: the reader's output, before any typing. Scalars keep
 * the exact text the author wrote; nothing is resolved by YAML 1.1 rules (no implicit dates,
 * booleans from {@code yes/no/on/off}, octals or sexagesimals), so typing is the binder's decision,
 * made per field.
 */
public sealed interface YamlValue permits YamlValue.Scalar, YamlValue.Mapping, YamlValue.Sequence {

  /** Where the value starts, 1-based, from the start of the file. */
  Position position();

  /** A short name of the value's kind for error messages ("a string", "a list", "a mapping"). */
  String kindName();

  /**
   * A scalar value.
   *
   * @param text the value as the author wrote it, after YAML unescaping of quoted forms
   * @param plain true for an unquoted scalar (only plain scalars can be null, numbers or booleans)
   * @param position where the scalar starts
   */
  record Scalar(String text, boolean plain, Position position) implements YamlValue {

    /** True for an explicit null: an empty plain scalar, {@code ~} or {@code null}. */
    public boolean isNull() {
      return plain
          && (text.isEmpty()
              || text.equals("~")
              || text.equals("null")
              || text.equals("Null")
              || text.equals("NULL"));
    }

    @Override
    public String kindName() {
      return isNull() ? "null" : "a scalar";
    }
  }

  /**
   * A mapping with string keys, in document order.
   *
   * @param entries the entries in document order; keys are unique (duplicates are rejected by the
   *     reader)
   * @param keyPositions where each key starts
   * @param position where the mapping starts
   */
  record Mapping(
      Map<String, YamlValue> entries, Map<String, Position> keyPositions, Position position)
      implements YamlValue {

    /** Copies the maps, keeping their order. */
    public Mapping {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
      keyPositions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keyPositions));
    }

    /** The value of a key, or null when the key is absent. */
    public YamlValue get(String key) {
      return entries.get(key);
    }

    @Override
    public String kindName() {
      return "a mapping";
    }
  }

  /**
   * A sequence, in document order.
   *
   * @param items the items
   * @param position where the sequence starts
   */
  record Sequence(List<YamlValue> items, Position position) implements YamlValue {

    /** Copies the list. */
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kindName() {
      return "a list";
    }
  }
}
