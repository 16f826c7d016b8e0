package io.tagbase.customer;

/** One normalised identifier of a customer. */
public record Identity(IdentityKind kind, String value) {

  /** Normalises {@code raw}; {@link IllegalArgumentException} says why it cannot be one. */
  public static Identity of(IdentityKind kind, String raw) {
    return new Identity(kind, Identities.normalize(kind, raw));
  }
}
