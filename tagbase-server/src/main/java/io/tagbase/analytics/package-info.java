/**
 * Measures of the customer base and its tags: coverage, distribution, overlap, Venn, cross-tabs,
 * TGI, flows between dates and conversion, answered from the membership index, daily size and
 * member snapshots (bitmaps of database customer ids, paired with the index by {@code
 * CustomerIdBridge}) and the event log; the dashboard and the chart sections of the tag and segment
 * pages.
 */
package io.tagbase.analytics;
