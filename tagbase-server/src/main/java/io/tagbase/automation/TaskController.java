package io.tagbase.automation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tasks", description = "Follow-up tasks for sales reps, sales teams, customer owners")
class TaskController {
  private final TaskService tasks;

  TaskController(TaskService tasks) {
    this.tasks = tasks;
  }

  record TeamBody(List<String> members) {}

  record OwnerBody(String owner) {}

  @GetMapping("/api/v1/tasks")
  @Operation(
      summary =
          "Tasks: view OPEN (default), TODAY (open, due today or earlier), DONE or ALL; your own,"
              + " or (administrators) anyone's with assignee, everyone's without")
  List<FollowUpTask> list(
      @RequestParam(required = false) String view,
      @RequestParam(required = false) String assignee,
      Authentication auth) {
    Viewer v = Viewer.of(auth);
    return tasks.tasks(v.username(), v.manager(), assignee, TaskService.view(view));
  }

  @PostMapping("/api/v1/tasks/{id}/done")
  @Operation(summary = "Mark a task done (its assignee or an administrator)")
  Map<String, Object> done(@PathVariable long id, Authentication auth) {
    Viewer v = Viewer.of(auth);
    tasks.done(id, v.username(), v.manager());
    return Map.of("id", id, "status", "DONE");
  }

  @GetMapping("/api/v1/tasks/teams")
  @Operation(summary = "Sales teams and their members, in round-robin order")
  Map<String, List<String>> teams() {
    return tasks.teams();
  }

  @PutMapping("/api/v1/tasks/teams/{name}")
  @Operation(summary = "Create or replace a sales team; members are console usernames")
  Map<String, List<String>> saveTeam(
      @PathVariable String name, @RequestBody TeamBody body, Authentication auth) {
    tasks.saveTeam(name, body == null ? null : body.members(), Viewer.of(auth).username());
    return tasks.teams();
  }

  @GetMapping("/api/v1/tasks/owners/{customerId}")
  @Operation(summary = "The customer's owner: the sales rep who gets their follow-up tasks")
  Map<String, Object> owner(@PathVariable String customerId) {
    Map<String, Object> body = new HashMap<>();
    body.put("customer", customerId);
    body.put("owner", tasks.owner(customerId));
    return body;
  }

  @PutMapping("/api/v1/tasks/owners/{customerId}")
  @Operation(summary = "Set (or, with null, clear) the customer's owner")
  Map<String, Object> setOwner(
      @PathVariable String customerId, @RequestBody OwnerBody body, Authentication auth) {
    tasks.setOwner(customerId, body == null ? null : body.owner(), Viewer.of(auth).username());
    return owner(customerId);
  }
}
