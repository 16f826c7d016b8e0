/**
 * Customer profiles: the external id a business knows a customer by, a display name and a few typed
 * attributes, and the events recorded for them.
 */
package io.tagbase.customer;
