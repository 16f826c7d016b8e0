package io.tagbase.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates API keys and checks presented secrets. Secrets are stored only as SHA-256 hashes, so a
 * database leak does not leak working keys. Thread-safe.
 */
@Service
public class ApiKeyService {
  private static final String API = "API";
  private static final String WRITE = "WRITE";

  private final JdbcSecurityRepository repository;
  private final io.tagbase.privacy.AuditLog audit;
  private final Clock clock;
  private final RoleService roles;

  ApiKeyService(
      JdbcSecurityRepository repository,
      io.tagbase.privacy.AuditLog audit,
      Clock clock,
      RoleService roles) {
    this.roles = roles;
    this.repository = repository;
    this.audit = audit;
    this.clock = clock;
  }

  /** Creates a key with a random secret, returned once in the result. */
  @Transactional
  public CreatedApiKey create(String name, String role) {
    return createWithSecret(name, role, ApiKeys.newSecret());
  }

  @Transactional
  CreatedApiKey createWithSecret(String name, String role, String secret) {
    return insert(name, role, secret, API);
  }

  /**
   * Creates a write key for the Segment-compatible tracking API: it can only send data, and is safe
   * to embed in apps. The secret is returned once.
   */
  @Transactional
  public CreatedApiKey createWriteKey(String name) {
    return insert(name, Role.ADMIN.name(), ApiKeys.newSecret(), WRITE);
  }

  @Transactional
  CreatedApiKey createWriteKeyWithSecret(String name, String secret) {
    return insert(name, Role.ADMIN.name(), secret, WRITE);
  }

  /** The name of the active write key with this secret, if any. */
  @Transactional(readOnly = true)
  public Optional<String> authenticateWriteKey(String secret) {
    return repository
        .activeKey(ApiKeys.hash(secret), WRITE, clock.instant())
        .map(JdbcSecurityRepository.StoredKey::name);
  }

  /** Every key, newest last, without secrets. */
  @Transactional(readOnly = true)
  public List<KeyInfo> keys() {
    return repository.keys();
  }

  /**
   * Issues a key of {@code kind} (API or WRITE) for {@code actor}; the secret is in the result
   * only. An API key acts with {@code role} (ADMIN when null); a key with a role limited to own
   * customers sees those of {@code actor}. 400 for an unknown kind or role, or an expiry in the
   * past.
   */
  @Transactional
  public CreatedApiKey issue(
      String name, String kind, String role, java.time.Instant expiresAt, String actor) {
    return issue(name, kind, role, null, expiresAt, actor);
  }

  /**
   * As {@link #issue(String, String, String, java.time.Instant, String)}, for a key that acts for
   * the user {@code actsAs} (its data scope is theirs); null acts for {@code actor}.
   */
  @Transactional
  public CreatedApiKey issue(
      String name,
      String kind,
      String role,
      String actsAs,
      java.time.Instant expiresAt,
      String actor) {
    String user = actsAs == null || actsAs.isBlank() ? null : actsAs.trim();
    if (user != null && repository.user(user).isEmpty()) {
      throw new io.tagbase.web.InvalidInputException(
          "actsAs", "actsAs must be the user name of an existing user.");
    }
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new io.tagbase.web.InvalidInputException(
          "name", "name is required, at most 100 characters.");
    }
    if (!API.equals(kind) && !WRITE.equals(kind)) {
      throw new io.tagbase.web.InvalidInputException("kind", "kind must be API or WRITE.");
    }
    if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
      throw new io.tagbase.web.InvalidInputException(
          "expiresAt", "expiresAt must be in the future.");
    }
    String code =
        role == null || role.isBlank() || WRITE.equals(kind)
            ? Role.ADMIN.name()
            : roles.require("role", role.trim()).code();
    CreatedApiKey key = insert(name.trim(), code, ApiKeys.newSecret(), kind);
    repository.setOwner(key.id(), actor, user, expiresAt);
    audit.record(
        actor,
        "KEY_CREATED",
        "key",
        String.valueOf(key.id()),
        kind + " " + name + (WRITE.equals(kind) ? "" : " role " + code));
    return key;
  }

  /** Revokes a key at once; 404 for an unknown or already revoked key. */
  @Transactional
  public void revoke(long id, String actor) {
    if (!repository.revoke(id, clock.instant())) {
      throw new io.tagbase.web.NotFoundException("No active key with id " + id + ".");
    }
    audit.record(actor, "KEY_REVOKED", "key", String.valueOf(id), null);
  }

  private CreatedApiKey insert(String name, String role, String secret, String kind) {
    String prefix = ApiKeys.prefix(secret);
    long id = repository.insertKey(name, prefix, ApiKeys.hash(secret), role, kind, clock.instant());
    return new CreatedApiKey(id, name, prefix, secret, role);
  }

  @Transactional(readOnly = true)
  boolean exists(String secret) {
    return repository.keyExists(ApiKeys.hash(secret));
  }

  /** The active key matching the presented secret, if any; costs one hash and one indexed read. */
  @Transactional(readOnly = true)
  Optional<JdbcSecurityRepository.StoredKey> authenticate(String secret) {
    return repository.activeKey(ApiKeys.hash(secret), API, clock.instant());
  }
}
