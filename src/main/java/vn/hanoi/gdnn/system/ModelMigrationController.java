package vn.hanoi.gdnn.system;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's view of model versions and prepared migrations (Cockpit CE has no migration screen).
 * Administrators only ({@code security.AccessRules}); the engine runs the migration under the administrator's
 * name, so the operation log says who moved which instances.
 */
@RestController
@RequestMapping("/api/admin")
public class ModelMigrationController {

  private final ModelMigrations migrations;

  public ModelMigrationController(ModelMigrations migrations) {
    this.migrations = migrations;
  }

  /** Every process key with its deployed versions and the instances running on each. */
  @GetMapping("/process-versions")
  public Map<String, List<ModelMigrations.ModelVersion>> versions() {
    return migrations.versionsByKey();
  }

  /** The prepared migrations with what each would move now (a dry run). */
  @GetMapping("/migrations")
  public List<ModelMigrations.Outcome> prepared() {
    return ModelMigrations.PREPARED.stream().map(migrations::check).toList();
  }

  /** Runs a prepared migration; refused as a whole (409) when a step's plan is not valid. */
  @PostMapping("/migrations/{id}")
  public ResponseEntity<?> run(@PathVariable String id) {
    var migration = migrations.prepared(id).orElse(null);
    if (migration == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(Map.of("message", "Không có kế hoạch chuyển đổi phiên bản \"" + id + "\"."));
    }
    ModelMigrations.Outcome check = migrations.check(migration);
    if (check.steps().stream().anyMatch(s -> s.problem() != null && s.instances() > 0)) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message",
          "Không thể chuyển đổi: có phiên bản nguồn chưa có kế hoạch hợp lệ; không hồ sơ nào bị thay đổi.",
          "steps", check.steps()));
    }
    return ResponseEntity.ok(migrations.run(migration));
  }
}
