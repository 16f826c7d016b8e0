/**
 * Rule tags: a tag whose members are the customers a rule of the rule language holds for, kept
 * current on save, by hand, daily (time-relative rules) and after events (for the customers they
 * concern), in dependency order, with every change in the tag history under source RULE.
 */
package io.tagbase.rules;
