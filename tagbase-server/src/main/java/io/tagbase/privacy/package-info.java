/**
 * Personal data marking, consent per customer and purpose ({@link io.tagbase.privacy.Consents}),
 * and the audit log; masking and erasure as the privacy issue lands.
 */
package io.tagbase.privacy;
