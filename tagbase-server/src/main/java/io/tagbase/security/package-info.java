/**
 * Who may do what: console users (form login, bcrypt), API keys for the REST API (stored as SHA-256
 * hashes), and the first-start bootstrap of an administrator.
 */
package io.tagbase.security;
