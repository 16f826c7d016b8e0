package io.tagbase.privacy;

import io.tagbase.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasure (the right to be forgotten): removes a customer everywhere. In one transaction, every row
 * of theirs in every table (profile, identities, custom fields, events, tag memberships and
 * history, segment memberships and transitions, job report rows) and the customer; then each {@link
 * ErasureParticipant} removes what lives outside the tables (bitmaps in the membership index,
 * export files that hold them). The audit log keeps an erasure record with a pseudonym and counts,
 * never the personal data, and earlier records about the customer get the pseudonym too.
 */
@Service
public class ErasureService {
  private static final Logger log = LoggerFactory.getLogger(ErasureService.class);

  private final JdbcErasureRepository repository;
  private final List<ErasureParticipant> participants;
  private final AuditLog audit;
  private final CallerAccess caller;
  private final TransactionTemplate tx;

  ErasureService(
      JdbcErasureRepository repository,
      List<ErasureParticipant> participants,
      AuditLog audit,
      CallerAccess caller,
      TransactionTemplate tx) {
    this.repository = repository;
    this.participants = participants;
    this.audit = audit;
    this.caller = caller;
    this.tx = tx;
  }

  /** What an erasure removed, by place; no personal data. */
  public record Erasure(String pseudonym, Map<String, Integer> removed) {}

  /** Erases the customer; 404 when there is none (or it is outside the caller's scope). */
  public Erasure erase(String externalId, String actor) {
    String pseudonym = pseudonym(externalId);
    Map<String, Integer> removed = new LinkedHashMap<>();
    ErasureParticipant.ErasedCustomer erased =
        tx.execute(
            status -> {
              long id =
                  repository
                      .idOf(externalId)
                      .filter(x -> inScope(externalId))
                      .orElseThrow(
                          () ->
                              new NotFoundException(
                                  "No customer with external id '" + externalId + "'."));
              var identifiers = repository.identifiers(id);
              removed.putAll(repository.erase(id, externalId, identifiers));
              int audited = repository.pseudonymiseAudit(externalId, pseudonym);
              if (audited > 0) {
                removed.put("audit_log (pseudonymised)", audited);
              }
              return new ErasureParticipant.ErasedCustomer(id, externalId, identifiers);
            });
    for (ErasureParticipant participant : participants) {
      try {
        int n = participant.erase(erased);
        if (n > 0) {
          removed.put(participant.getClass().getSimpleName(), n);
        }
      } catch (RuntimeException e) {
        // The rows are gone; what is left outside them is reported, never silently kept.
        log.error("Erasure of {} incomplete in {}", pseudonym, participant.getClass(), e);
        removed.put(participant.getClass().getSimpleName() + " FAILED", -1);
      }
    }
    audit.record(actor, "CUSTOMER_ERASED", "customer", pseudonym, removed.toString());
    return new Erasure(pseudonym, removed);
  }

  private boolean inScope(String externalId) {
    // A scoped caller may only erase their own customers; checked by the customer's owner.
    return caller.ownerScope().isEmpty()
        || repository.ownerMatches(externalId, caller.ownerScope().get());
  }

  /** A stable pseudonym: the same customer always gets the same one; it cannot be reversed. */
  static String pseudonym(String externalId) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(("tagbase-erasure:" + externalId).getBytes(StandardCharsets.UTF_8));
      return "erased:" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
