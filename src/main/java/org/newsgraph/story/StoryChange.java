package org.newsgraph.story;

/**
 * What a story update did.
 *
 * @param written story graphs written (new, grown, shrunk or rewritten unchanged)
 * @param removed story graphs removed because their story merged into another or fell apart
 */
public record StoryChange(int written, int removed) {}
