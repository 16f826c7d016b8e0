/**
 * Measures of the customer base and its tags: the console overview now, charts as the analytics
 * issue lands.
 */
package io.tagbase.analytics;
