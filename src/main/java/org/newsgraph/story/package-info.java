/**
 * Story materialisation: connected clusters of coverage kept as graphs of their own, updated after
 * each ingest batch and rebuildable from the related links.
 */
package org.newsgraph.story;
