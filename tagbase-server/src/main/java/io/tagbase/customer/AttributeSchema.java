package io.tagbase.customer;

import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custom fields of the customer profile: defined at any time, never renamed, and every value
 * written is checked against its field. Thread-safe.
 */
@Service
public class AttributeSchema {
  private final JdbcAttributeRepository repository;
  private final Clock clock;
  private final ZoneId zone;

  AttributeSchema(
      JdbcAttributeRepository repository,
      Clock clock,
      @Value("${tagbase.zone:Asia/Shanghai}") String zone) {
    this.repository = repository;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
  }

  @Transactional(readOnly = true)
  public List<AttributeDefinition> fields() {
    return repository.all();
  }

  /** Adds a field; 409 for a taken code, 400 for an ENUM without options or options elsewhere. */
  @Transactional
  public AttributeDefinition define(NewAttribute field) {
    if (repository.find(field.code()).isPresent()) {
      throw new ConflictException("code", "A field with code '" + field.code() + "' exists.");
    }
    if (BUILT_IN.contains(field.code())) {
      throw new ConflictException(
          "code", "'" + field.code() + "' is a built-in field of every customer.");
    }
    List<String> options = field.options() == null ? List.of() : field.options();
    if (field.type() == AttributeType.ENUM && options.isEmpty()) {
      throw new InvalidInputException("options", "An ENUM field needs at least one option.");
    }
    if (field.type() != AttributeType.ENUM && !options.isEmpty()) {
      throw new InvalidInputException("options", "Only ENUM fields have options.");
    }
    if (new HashSet<>(options).size() != options.size()
        || options.stream().anyMatch(String::isBlank)) {
      throw new InvalidInputException("options", "Options must be distinct and not blank.");
    }
    repository.insert(field, clock.instant());
    return repository.find(field.code()).orElseThrow();
  }

  /** 400 naming the first required field that {@code given} lacks; for new profiles. */
  void requireAll(Set<AttributeDefinition> given) {
    Set<String> codes = new HashSet<>();
    given.forEach(d -> codes.add(d.code()));
    for (AttributeDefinition def : repository.all()) {
      if (def.required() && !codes.contains(def.code())) {
        throw new InvalidInputException(
            "attributes." + def.code(),
            "attributes." + def.code() + " is required for a new customer.");
      }
    }
  }

  /** The built-in profile columns; custom fields may not reuse their names. */
  public static final Set<String> BUILT_IN =
      Set.of(
          "external_id",
          "display_name",
          "gender",
          "age",
          "city",
          "channel",
          "signup_date",
          "phone",
          "email");

  /**
   * Checks values by field code; 400 naming {@code prefix.code} for an unknown field or a value its
   * type refuses. Null values are skipped (nothing is unset).
   */
  @Transactional(readOnly = true)
  public Map<AttributeDefinition, AttributeValue> check(Map<String, Object> values, String prefix) {
    Map<String, AttributeDefinition> byCode = new LinkedHashMap<>();
    repository.all().forEach(d -> byCode.put(d.code(), d));
    Map<AttributeDefinition, AttributeValue> checked = new LinkedHashMap<>();
    for (var entry : values.entrySet()) {
      AttributeDefinition def = byCode.get(entry.getKey());
      String field = prefix + "." + entry.getKey();
      if (def == null) {
        throw new InvalidInputException(
            field, "No custom field '" + entry.getKey() + "'; add it to the schema first.");
      }
      if (entry.getValue() == null) {
        continue;
      }
      try {
        checked.put(def, AttributeValues.coerce(def, entry.getValue(), zone));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(field, field + ": " + e.getMessage() + ".");
      }
    }
    return checked;
  }
}
