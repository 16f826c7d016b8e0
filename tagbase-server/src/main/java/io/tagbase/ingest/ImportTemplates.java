package io.tagbase.ingest;

import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** Named, reusable column mappings; saving under a taken name replaces that template. */
@Service
public class ImportTemplates {
  private final ImportTemplateRepository repository;
  private final ObjectMapper json;
  private final Clock clock;

  ImportTemplates(ImportTemplateRepository repository, ObjectMapper json, Clock clock) {
    this.repository = repository;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  public void save(String name, ImportMapping mapping, String actor) {
    if (name == null || name.isBlank() || name.trim().length() > 100) {
      throw new InvalidInputException("name", "A template needs a name of at most 100 characters.");
    }
    if (mapping == null || mapping.kind() == null) {
      throw new InvalidInputException(
          "mapping.kind", "The mapping needs a kind: customers or events.");
    }
    String text = write(mapping);
    if (text.length() > 16000) {
      throw new InvalidInputException("mapping", "The mapping is too large to save.");
    }
    repository.save(name.trim(), mapping.kind(), text, actor, clock.instant());
  }

  /** The template's mapping; 404 when there is none of that name. */
  @Transactional(readOnly = true)
  public ImportMapping load(String name) {
    String text =
        repository
            .mapping(name)
            .orElseThrow(() -> new NotFoundException("No import template named '" + name + "'."));
    return read(text);
  }

  /** Template names of a kind, or all when null. */
  @Transactional(readOnly = true)
  public List<String> names(ImportKind kind) {
    return repository.names(kind);
  }

  String write(ImportMapping mapping) {
    return json.writeValueAsString(mapping);
  }

  ImportMapping read(String text) {
    try {
      return json.readValue(text, ImportMapping.class);
    } catch (JacksonException e) {
      throw new IllegalStateException("A stored import mapping cannot be read", e);
    }
  }
}
