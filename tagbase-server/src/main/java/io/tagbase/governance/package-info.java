/**
 * Tag governance: where each tag is used (rules, templates, segments, automations) and the checks
 * that keep a used tag from being archived, health and naming-standard findings with a quality
 * score per tag, similar tags by name, definition and members, and merging tags with undo.
 */
package io.tagbase.governance;
