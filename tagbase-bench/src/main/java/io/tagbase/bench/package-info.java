/**
 * The Tagbase benchmark: a deterministic data set, the S1-S9 query mix, and the same queries on
 * PostgreSQL (int[] + GIN, and a join table) in the same run, with result counts asserted equal.
 * Run {@link io.tagbase.bench.Bench}; see docs/benchmark.md.
 */
package io.tagbase.bench;
