package io.tagbase.tagging;

import io.tagbase.customer.CustomerService;
import io.tagbase.engine.Condition;
import io.tagbase.privacy.CallerAccess;
import io.tagbase.taxonomy.Sensitivity;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.NotFoundException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The caller's data scope over the membership index, in one place: lists, counts, segment members
 * and exports pass their condition through {@link #restrict}, which ANDs it with the bitmap of the
 * customers the caller owns when its role sees only its own customers (a sales rep). That bitmap is
 * loaded from {@code customer.owner} on each scoped query (one indexed read), so it is never stale.
 * Also hides tags marked sensitive from callers without the permission. Thread-safe.
 */
@Component
public class CustomerScopes {
  static final String OWNER_KEY = "scope:owner:";

  private final CallerAccess caller;
  private final CustomerService customers;
  private final MembershipIndex index;
  private final TaxonomyService taxonomy;

  CustomerScopes(
      CallerAccess caller,
      CustomerService customers,
      MembershipIndex index,
      TaxonomyService taxonomy) {
    this.caller = caller;
    this.customers = customers;
    this.index = index;
    this.taxonomy = taxonomy;
  }

  /** The owner whose customers alone the caller sees; empty when it sees all. */
  public Optional<String> owner() {
    return caller.ownerScope();
  }

  /** {@code condition} limited to the caller's customers; unchanged for callers who see all. */
  public Condition restrict(Condition condition) {
    Optional<String> owner = caller.ownerScope();
    if (owner.isEmpty()) {
      return condition;
    }
    String key = OWNER_KEY + owner.get();
    index.load(key, customers.ownedBy(owner.get()));
    return Condition.and(condition, Condition.tag(key));
  }

  /** Whether the caller may see who holds this tag (sensitive tags need a permission). */
  public boolean tagVisible(String tagCode) {
    if (caller.seesSensitiveTags()) {
      return true;
    }
    return taxonomy.tags().stream()
        .filter(t -> t.code().equals(tagCode))
        .findFirst()
        .map(t -> t.sensitivity() == Sensitivity.NORMAL)
        .orElse(true);
  }

  /** 404 for a tag whose holders the caller may not see, as if it did not exist. */
  public void requireTagVisible(String tagCode) {
    if (!tagVisible(tagCode)) {
      throw new NotFoundException("No tag '" + tagCode + "'.");
    }
  }
}
