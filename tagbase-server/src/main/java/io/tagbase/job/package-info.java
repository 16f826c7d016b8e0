/**
 * Long-running work (bulk tagging, imports, exports) run in the background with progress and a
 * per-row error report, readable at /api/v1/jobs/{id}.
 */
package io.tagbase.job;
