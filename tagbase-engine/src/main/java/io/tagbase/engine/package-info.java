/** The fast core of Tagbase: customer dictionary, tag bitmaps and boolean segment evaluation. */
package io.tagbase.engine;
