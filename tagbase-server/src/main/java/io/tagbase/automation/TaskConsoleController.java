package io.tagbase.automation;

import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.util.Arrays;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sales reps' task list: my tasks, due today, done; managers see the team and edit teams. */
@Controller
class TaskConsoleController {
  private final TaskService tasks;

  TaskConsoleController(TaskService tasks) {
    this.tasks = tasks;
  }

  @GetMapping("/tasks")
  String list(
      @RequestParam(defaultValue = "TODAY") String view,
      @RequestParam(required = false) String assignee,
      @RequestParam(defaultValue = "false") boolean team,
      Authentication auth,
      Model model) {
    Viewer v = Viewer.of(auth);
    TaskService.View which = TaskService.view(view);
    boolean teamView = team && v.manager();
    String who = teamView ? assignee : v.username();
    model.addAttribute("view", which.name());
    model.addAttribute("team", teamView);
    model.addAttribute("assignee", assignee);
    model.addAttribute("manager", v.manager());
    model.addAttribute("tasks", tasks.tasks(v.username(), teamView, who, which));
    model.addAttribute("today", tasks.today());
    if (v.manager()) {
      model.addAttribute("teams", tasks.teams());
    }
    return "task/list";
  }

  @PostMapping("/tasks/{id}/done")
  String done(
      @PathVariable long id,
      @RequestParam(defaultValue = "TODAY") String view,
      @RequestParam(defaultValue = "false") boolean team,
      Authentication auth) {
    Viewer v = Viewer.of(auth);
    tasks.done(id, v.username(), v.manager());
    return "redirect:/tasks?view=" + TaskService.view(view).name() + "&team=" + team;
  }

  @PostMapping("/tasks/teams")
  String saveTeam(
      @RequestParam String name,
      @RequestParam String members,
      Authentication auth,
      RedirectAttributes redirect) {
    Viewer v = Viewer.of(auth);
    if (!v.manager()) {
      throw new NotFoundException("Only managers edit teams.");
    }
    try {
      tasks.saveTeam(name, Arrays.asList(members.split("[,，\\s]+")), v.username());
      redirect.addFlashAttribute("teamSaved", name.trim());
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("teamProblem", e.getMessage());
    }
    return "redirect:/tasks?team=true&view=OPEN";
  }
}
