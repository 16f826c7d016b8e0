package io.tagbase.security;

import java.time.Clock;
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
  private final Clock clock;

  ApiKeyService(JdbcSecurityRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** Creates a key with a random secret, returned once in the result. */
  @Transactional
  public CreatedApiKey create(String name, Role role) {
    return createWithSecret(name, role, ApiKeys.newSecret());
  }

  @Transactional
  CreatedApiKey createWithSecret(String name, Role role, String secret) {
    return insert(name, role, secret, API);
  }

  /**
   * Creates a write key for the Segment-compatible tracking API: it can only send data, and is safe
   * to embed in apps. The secret is returned once.
   */
  @Transactional
  public CreatedApiKey createWriteKey(String name) {
    return insert(name, Role.ADMIN, ApiKeys.newSecret(), WRITE);
  }

  @Transactional
  CreatedApiKey createWriteKeyWithSecret(String name, String secret) {
    return insert(name, Role.ADMIN, secret, WRITE);
  }

  /** The name of the active write key with this secret, if any. */
  @Transactional(readOnly = true)
  public Optional<String> authenticateWriteKey(String secret) {
    return repository
        .activeKey(ApiKeys.hash(secret), WRITE)
        .map(JdbcSecurityRepository.StoredKey::name);
  }

  private CreatedApiKey insert(String name, Role role, String secret, String kind) {
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
    return repository.activeKey(ApiKeys.hash(secret), API);
  }
}
