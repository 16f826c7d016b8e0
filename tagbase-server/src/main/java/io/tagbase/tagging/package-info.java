/**
 * Tag assignments: who has which tag, given by whom and when, and the in-memory membership index
 * (engine bitmaps) that is rebuilt from the database at start-up and kept in step with every write.
 */
package io.tagbase.tagging;
