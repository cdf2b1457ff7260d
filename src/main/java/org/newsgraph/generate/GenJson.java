package org.newsgraph.generate;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Turns a generated record into an item of a JSON API page, as real sites publish their records a
 * second time: the front matter's fields as a JSON object (times as UTC instants). Only for the
 * generator's own, trusted output.
 */
final class GenJson {

  private GenJson() {}

  /** Appends the JSON object of a generated record's front matter. */
  static void appendItem(StringBuilder json, String record) {
    int end = record.indexOf("\n---", 4);
    Object fields =
        new Yaml(new SafeConstructor(new LoaderOptions())).load(record.substring(4, end + 1));
    append(json, fields);
  }

  private static void append(StringBuilder json, Object value) {
    if (value == null) {
      json.append("null");
    } else if (value instanceof Map<?, ?> map) {
      json.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        json.append(first ? "" : ", ");
        first = false;
        string(json, String.valueOf(e.getKey()));
        json.append(": ");
        append(json, e.getValue());
      }
      json.append('}');
    } else if (value instanceof List<?> list) {
      json.append('[');
      for (int i = 0; i < list.size(); i++) {
        json.append(i == 0 ? "" : ", ");
        append(json, list.get(i));
      }
      json.append(']');
    } else if (value instanceof Number || value instanceof Boolean) {
      json.append(value);
    } else if (value instanceof Date date) {
      string(json, date.toInstant().toString());
    } else {
      string(json, value.toString());
    }
  }

  private static void string(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
