/**
 * SHACL validation of a store against the shapes shipped in {@code ontology/shapes.ttl}, record
 * graph by record graph; results are data ({@link org.newsgraph.validate.Violation}), not
 * exceptions.
 */
package org.newsgraph.validate;
