/** The tag taxonomy: a tree of categories and the tag definitions inside them. */
package io.tagbase.taxonomy;
