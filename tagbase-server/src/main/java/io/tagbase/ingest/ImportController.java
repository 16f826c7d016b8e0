package io.tagbase.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tagbase.job.Job;
import io.tagbase.web.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(
    name = "Imports",
    description =
        "CSV (any delimiter, UTF-8/GBK, gzip) and Excel imports of customers and events:"
            + " upload, preview a mapping, run as a job, resume")
class ImportController {
  private final ImportService imports;
  private final ImportTemplates templates;

  ImportController(ImportService imports, ImportTemplates templates) {
    this.imports = imports;
    this.templates = templates;
  }

  /** A run: the mapping, or the name of a saved template; all-or-nothing unless said otherwise. */
  record RunRequest(ImportMapping mapping, String template, Boolean allOrNothing) {}

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Upload a file to import",
      description =
          "kind: customers or events (orders). charset (UTF-8, GBK) and delimiter are guessed"
              + " unless given. Answers the columns, first rows and a suggested mapping.")
  ImportUpload upload(
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(defaultValue = "customers") String kind,
      @RequestParam(required = false) String charset,
      @RequestParam(required = false) String delimiter,
      Principal principal)
      throws IOException {
    if (file == null || file.isEmpty()) {
      throw new InvalidInputException("file", "Upload a file (multipart part \"file\").");
    }
    try (InputStream in = file.getInputStream()) {
      return imports.upload(
          in, file.getOriginalFilename(), kind, charset, delimiter, principal.getName());
    }
  }

  @GetMapping
  @Operation(summary = "Recent imports")
  List<ImportRun> recent() {
    return imports.recent(50);
  }

  @GetMapping("/{id}")
  @Operation(summary = "An import: status, rows committed so far, its latest job")
  ImportRun get(@PathVariable long id) {
    return imports.get(id);
  }

  @PostMapping("/{id}/preview")
  @Operation(summary = "The first rows as the mapping would import them, with each row's error")
  ImportPreview preview(@PathVariable long id, @RequestBody ImportMapping mapping) {
    return imports.preview(id, mapping);
  }

  @PostMapping("/{id}/run")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Import every row as a job",
      description =
          "Poll /api/v1/jobs/{jobId}; rejected rows at /api/v1/jobs/{jobId}/report.csv."
              + " allOrNothing (default true): one bad row and nothing is applied.")
  Job run(@PathVariable long id, @RequestBody RunRequest request, Principal principal) {
    ImportMapping mapping = request.mapping();
    if (mapping == null && request.template() != null) {
      mapping = templates.load(request.template());
    }
    if (mapping == null) {
      throw new InvalidInputException("mapping", "Give a mapping or the name of a template.");
    }
    boolean allOrNothing = request.allOrNothing() == null || request.allOrNothing();
    return imports.run(id, mapping, allOrNothing, principal.getName());
  }

  @PostMapping("/{id}/resume")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Finish an interrupted import after its last committed row")
  Job resume(@PathVariable long id, Principal principal) {
    return imports.resume(id, principal.getName());
  }

  @GetMapping("/templates")
  @Operation(summary = "Names of the saved mapping templates")
  List<String> templates(@RequestParam(required = false) String kind) {
    try {
      return templates.names(kind == null ? null : ImportKind.parse(kind));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("kind", e.getMessage() + ".");
    }
  }

  @GetMapping("/templates/{name}")
  @Operation(summary = "A saved mapping template")
  ImportMapping template(@PathVariable String name) {
    return templates.load(name);
  }

  @PutMapping("/templates/{name}")
  @Operation(summary = "Save a mapping as a template (replacing one of the same name)")
  ImportMapping saveTemplate(
      @PathVariable String name, @RequestBody ImportMapping mapping, Principal principal) {
    templates.save(name, mapping, principal.getName());
    return templates.load(name);
  }
}
