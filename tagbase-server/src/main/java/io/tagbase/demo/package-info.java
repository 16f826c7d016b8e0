/**
 * The demo data set: a seeded generator of realistic customers (Chinese names and cities, ages,
 * channels, sign-up dates) with orders and events, a starter taxonomy, and tags derived from the
 * generated behaviour. Loaded with {@code --demo} into an empty database.
 */
package io.tagbase.demo;
