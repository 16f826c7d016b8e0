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
    String prefix = ApiKeys.prefix(secret);
    long id = repository.insertKey(name, prefix, ApiKeys.hash(secret), role, clock.instant());
    return new CreatedApiKey(id, name, prefix, secret, role);
  }

  @Transactional(readOnly = true)
  boolean exists(String secret) {
    return repository.keyExists(ApiKeys.hash(secret));
  }

  /** The active key matching the presented secret, if any; costs one hash and one indexed read. */
  @Transactional(readOnly = true)
  Optional<JdbcSecurityRepository.StoredKey> authenticate(String secret) {
    return repository.activeKey(ApiKeys.hash(secret));
  }
}
