package org.newsgraph.serve;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.newsgraph.query.NamedQuery;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.query.QueryParam;

/** The named query catalog as JSON, for {@code GET /q} and the query page's picklist. */
final class CatalogJson {

  private CatalogJson() {}

  /**
   * The catalog as a JSON array of {@code {name, description, text, params: [{name, type, required,
   * default, description}]}}, in catalog order.
   */
  static String write(QueryCatalog catalog) {
    JsonArray queries = new JsonArray();
    for (NamedQuery query : catalog.all()) {
      JsonObject entry = new JsonObject();
      entry.put("name", query.name());
      entry.put("description", query.description());
      entry.put("text", query.text());
      JsonArray params = new JsonArray();
      for (QueryParam param : query.params()) {
        JsonObject p = new JsonObject();
        p.put("name", param.name());
        p.put("type", param.type().label());
        p.put("required", param.required());
        if (param.defaultValue() != null) {
          p.put("default", param.defaultValue());
        }
        p.put("description", param.description());
        params.add(p);
      }
      entry.put("params", params);
      queries.add(entry);
    }
    return queries.toString() + "\n";
  }
}
