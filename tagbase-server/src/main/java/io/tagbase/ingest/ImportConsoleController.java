package io.tagbase.ingest;

import io.tagbase.customer.AttributeSchema;
import io.tagbase.job.Job;
import io.tagbase.web.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import wizard: upload a file, map its columns (pre-filled from the header or a template),
 * preview the first rows with their errors, run, watch the job, download the report.
 */
@Controller
class ImportConsoleController {
  private final ImportService imports;
  private final ImportTemplates templates;
  private final AttributeSchema schema;

  ImportConsoleController(
      ImportService imports, ImportTemplates templates, AttributeSchema schema) {
    this.imports = imports;
    this.templates = templates;
    this.schema = schema;
  }

  @GetMapping("/imports")
  String start(Model model) {
    model.addAttribute("recent", imports.recent(10));
    return "ingest/imports";
  }

  @PostMapping("/imports")
  String upload(
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(defaultValue = "customers") String kind,
      @RequestParam(required = false) String charset,
      @RequestParam(required = false) String delimiter,
      Principal principal)
      throws IOException {
    if (file == null || file.isEmpty()) {
      throw new InvalidInputException("file", "Choose a CSV or Excel file to upload.");
    }
    try (InputStream in = file.getInputStream()) {
      ImportUpload upload =
          imports.upload(
              in, file.getOriginalFilename(), kind, charset, delimiter, principal.getName());
      return "redirect:/imports/" + upload.run().id();
    }
  }

  @GetMapping("/imports/{id}")
  String map(@PathVariable long id, @RequestParam(required = false) String template, Model model) {
    ImportRun run = imports.get(id);
    model.addAttribute("run", run);
    if (run.status() == ImportStatus.DONE) {
      return "ingest/import";
    }
    ImportUpload upload = imports.describe(id);
    ImportMapping mapping = upload.suggested();
    if (template != null && !template.isBlank()) {
      mapping = templates.load(template);
    }
    List<String> targets = new ArrayList<>(run.kind().targets());
    if (run.kind() == ImportKind.CUSTOMERS) {
      schema.fields().forEach(f -> targets.add(f.code()));
    }
    model.addAttribute("upload", upload);
    model.addAttribute("mapping", mapping);
    model.addAttribute("targets", targets);
    return "ingest/import";
  }

  @PostMapping("/imports/{id}/preview")
  String preview(
      @PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model) {
    model.addAttribute("preview", imports.preview(id, mapping(form)));
    return "ingest/import :: preview";
  }

  @PostMapping("/imports/{id}/run")
  String run(
      @PathVariable long id,
      @RequestParam MultiValueMap<String, String> form,
      Principal principal,
      Model model) {
    ImportMapping mapping = mapping(form).withKind(imports.get(id).kind());
    String name = form.getFirst("templateName");
    if (name != null && !name.isBlank()) {
      templates.save(name, mapping, principal.getName());
    }
    boolean allOrNothing = !"false".equals(form.getFirst("allOrNothing"));
    Job job = imports.run(id, mapping, allOrNothing, principal.getName());
    model.addAttribute("job", job);
    model.addAttribute("errors", List.of());
    return "job/progress :: progress";
  }

  /** The mapping a form describes: col.X (a column) or val.X (a constant, "=" an expression). */
  static ImportMapping mapping(MultiValueMap<String, String> form) {
    Map<String, ImportSource> fields = new LinkedHashMap<>();
    for (String key : form.keySet()) {
      if (key.startsWith("col.") || key.startsWith("val.")) {
        String target = key.substring(4);
        if (!fields.containsKey(target)) {
          ImportSource source =
              ImportSource.fromForm(form.getFirst("col." + target), form.getFirst("val." + target));
          if (source != null) {
            fields.put(target, source);
          }
        }
      }
    }
    List<String> properties = form.getOrDefault("properties", List.of());
    return new ImportMapping(
        null,
        fields,
        form.getFirst("customerKey"),
        form.getFirst("dateFormat"),
        properties.stream().filter(p -> !p.isBlank()).toList(),
        form.getFirst("keyColumn"));
  }
}
