package io.tagbase.automation;

import io.tagbase.privacy.AuditLog;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coupon batches: codes imported from a list or generated, each issued to one customer at most once
 * (by automations). Thread-safe; imports are all or nothing.
 */
@Service
public class CouponService {
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{1,63}");
  private static final Pattern COUPON = Pattern.compile("[A-Za-z0-9_-]{4,100}");
  // No 0/O, 1/I/L: codes are read out and typed in by people.
  private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
  private static final int MAX_CODES = 100_000;

  private final JdbcCouponRepository repository;
  private final AuditLog audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  CouponService(JdbcCouponRepository repository, AuditLog audit, Clock clock) {
    this.repository = repository;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<CouponBatch> batches() {
    return repository.batches();
  }

  @Transactional(readOnly = true)
  public CouponBatch batch(String code) {
    return repository
        .batch(code)
        .orElseThrow(() -> new NotFoundException("No coupon batch '" + code + "'."));
  }

  @Transactional
  public CouponBatch create(String code, String name, String actor) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new InvalidInputException(
          "code", "code must be 2-64 lower-case letters, digits or '_', starting with a letter.");
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new InvalidInputException("name", "name is required (at most 200 characters).");
    }
    if (repository.batch(code).isPresent()) {
      throw new ConflictException("code", "A coupon batch '" + code + "' exists.");
    }
    repository.createBatch(code, name.trim(), actor, clock.instant());
    audit.record(actor, "coupon.batch.create", "coupon_batch", code, name);
    return batch(code);
  }

  /**
   * Adds codes (blank lines ignored); 400 naming the first bad or duplicate code, and then none is
   * added.
   */
  @Transactional
  public CouponBatch importCodes(String batchCode, List<String> codes, String actor) {
    CouponBatch batch = batch(batchCode);
    Set<String> unique = new LinkedHashSet<>();
    int line = 0;
    for (String raw : codes == null ? List.<String>of() : codes) {
      line++;
      String c = raw == null ? "" : raw.trim();
      if (c.isEmpty()) {
        continue;
      }
      if (!COUPON.matcher(c).matches()) {
        throw new InvalidInputException(
            "codes[" + (line - 1) + "]",
            "Code '" + c + "' on line " + line + " must be 4-100 letters, digits, '_' or '-'.");
      }
      if (!unique.add(c)) {
        throw new InvalidInputException(
            "codes[" + (line - 1) + "]", "Code '" + c + "' on line " + line + " is given twice.");
      }
    }
    if (unique.isEmpty() || unique.size() > MAX_CODES) {
      throw new InvalidInputException("codes", "Give 1 to " + MAX_CODES + " codes, one per line.");
    }
    List<String> list = new ArrayList<>(unique);
    List<String> taken = new ArrayList<>();
    for (int from = 0; from < list.size(); from += 500) {
      taken.addAll(
          repository.existing(batch.id(), list.subList(from, Math.min(list.size(), from + 500))));
    }
    if (!taken.isEmpty()) {
      throw new InvalidInputException(
          "codes",
          "The batch has these codes already: "
              + String.join(", ", taken.subList(0, Math.min(5, taken.size())))
              + ".");
    }
    repository.addCodes(batch.id(), list);
    audit.record(actor, "coupon.import", "coupon_batch", batchCode, list.size() + " codes");
    return batch(batchCode);
  }

  /** Generates {@code count} random codes of 10 characters after {@code prefix}. */
  @Transactional
  public CouponBatch generate(String batchCode, int count, String prefix, String actor) {
    CouponBatch batch = batch(batchCode);
    if (count < 1 || count > MAX_CODES) {
      throw new InvalidInputException("count", "count must be 1 to " + MAX_CODES + ".");
    }
    String p = prefix == null ? "" : prefix.trim().toUpperCase();
    if (!p.isEmpty() && !Pattern.matches("[A-Z0-9_-]{1,20}", p)) {
      throw new InvalidInputException("prefix", "prefix must be up to 20 letters or digits.");
    }
    Set<String> codes = new LinkedHashSet<>();
    while (codes.size() < count) {
      StringBuilder sb = new StringBuilder(p);
      for (int i = 0; i < 10; i++) {
        sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
      }
      codes.add(sb.toString());
    }
    List<String> list = new ArrayList<>(codes);
    // 31^10 codes: a clash with a stored one is all but impossible; drop it if it happens.
    for (int from = 0; from < list.size(); from += 500) {
      list.removeAll(
          repository.existing(
              batch.id(), List.copyOf(list.subList(from, Math.min(list.size(), from + 500)))));
    }
    repository.addCodes(batch.id(), list);
    audit.record(actor, "coupon.generate", "coupon_batch", batchCode, list.size() + " codes");
    return batch(batchCode);
  }

  @Transactional(readOnly = true)
  public List<IssuedCoupon> issued(String batchCode, int limit) {
    return repository.issued(batch(batchCode).id(), limit);
  }
}
