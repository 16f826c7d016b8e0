package io.tagbase.security;

/** A new API key. {@code secret} is shown once and never stored; only its hash is. */
public record CreatedApiKey(long id, String name, String prefix, String secret, String role) {}
