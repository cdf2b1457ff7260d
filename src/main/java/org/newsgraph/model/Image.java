package org.newsgraph.model;

/**
 * An image of an article or a provider.
 *
 * @param url the image URL as written (may be relative to the site for provider logos)
 * @param width width in pixels, or null when not given
 * @param height height in pixels, or null when not given
 * @param title a caption or title, or null
 * @param attribution credit line, or null
 * @param isCached whether the aggregator cached the image, or null when not given
 * @param position where the image mapping starts
 */
public record Image(
    String url,
    Long width,
    Long height,
    String title,
    String attribution,
    Boolean isCached,
    Position position) {}
