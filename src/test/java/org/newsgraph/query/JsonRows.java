package org.newsgraph.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/** Reads SPARQL JSON results into rows of text values (the format users get with --format json). */
final class JsonRows {

  private JsonRows() {}

  static List<Map<String, String>> parse(String json) {
    JsonObject results = JSON.parse(json).get("results").getAsObject();
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonValue binding : results.get("bindings").getAsArray()) {
      Map<String, String> row = new LinkedHashMap<>();
      JsonObject object = binding.getAsObject();
      for (String key : object.keys()) {
        row.put(key, object.get(key).getAsObject().get("value").getAsString().value());
      }
      rows.add(row);
    }
    return rows;
  }
}
