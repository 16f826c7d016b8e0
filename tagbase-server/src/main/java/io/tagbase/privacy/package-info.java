/** Personal data marking now; consent, masking, erasure and audit as the privacy issue lands. */
package io.tagbase.privacy;
