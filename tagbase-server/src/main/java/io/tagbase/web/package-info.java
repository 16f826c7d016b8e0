/**
 * Cross-cutting HTTP concerns only: problem-details errors, the console layout and language switch.
 * Controllers live with their feature.
 */
package io.tagbase.web;
