/** Storage concerns shared by the features: what to do when concurrent writes collide. */
package io.tagbase.storage;
