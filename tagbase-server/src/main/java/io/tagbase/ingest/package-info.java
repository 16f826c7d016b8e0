/**
 * Getting customer data in: reading tabular files now; the event and Segment APIs and import jobs
 * as issue 4 lands.
 */
package io.tagbase.ingest;
