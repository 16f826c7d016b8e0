/**
 * Segments (人群圈选): AND / OR / NOT combinations of tags, counted and previewed through the
 * membership index.
 */
package io.tagbase.segment;
