package io.tagbase.governance;

/**
 * Two tags that may mean the same thing, with the evidence.
 *
 * @param basis NAME, DEFINITION or MEMBERS
 * @param score 0-1: name similarity, 1 for equal definitions, or the Jaccard index of the members
 * @param evidence what was compared and what was found, in English
 * @param contained for MEMBERS: the code of the tag whose members lie (almost) all inside the
 *     other's; null otherwise
 */
public record SimilarPair(
    String a, String b, String basis, double score, String evidence, String contained) {}
