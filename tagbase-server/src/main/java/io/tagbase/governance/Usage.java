package io.tagbase.governance;

/**
 * One place that depends on a tag.
 *
 * @param kind RULE (a rule tag's rule), TEMPLATE (a template tag's settings), SEGMENT or AUTOMATION
 * @param code the code of the rule's tag, the segment or the automation
 * @param field where in it: {@code rule}, {@code condition}, {@code trigger}, {@code actions}...
 */
public record Usage(String kind, String code, String name, String field) {}
