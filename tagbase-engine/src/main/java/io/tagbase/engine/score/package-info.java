/**
 * Scores and stages computed from per-customer measures: quantile cut points (linear interpolation
 * between closest ranks, NumPy's default and R's type 7), scores 1..k by quantiles, fixed cut
 * points or top percentages, and lifecycle stages from the days of a customer's orders. Pure
 * functions over arrays; no I/O.
 */
package io.tagbase.engine.score;
