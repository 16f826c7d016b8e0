package io.tagbase.tagging;

/** Published after the membership index has been rebuilt, so features can put their keys back. */
public record MembershipIndexRebuilt() {}
