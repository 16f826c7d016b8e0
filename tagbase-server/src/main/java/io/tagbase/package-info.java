/**
 * Tagbase server. Packages are features ({@code customer}, {@code taxonomy}, {@code tagging},
 * {@code segment}, {@code security}); each root package is that feature's API and its
 * implementation classes stay package-private.
 */
package io.tagbase;
