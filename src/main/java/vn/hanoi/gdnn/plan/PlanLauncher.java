package vn.hanoi.gdnn.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the running plan in line with catalogue.yaml: a new deliverable is stored and launched, a changed one is
 * amended (lead unit, deadline, descriptive fields), one removed from the file is cancelled; every occurrence
 * gets exactly one lifecycle instance.
 *
 * <p>Idempotent and safe with several nodes: everything runs in one transaction that first locks the row of
 * plan_sync_lock (SELECT … FOR UPDATE), so a second node starting at the same moment waits and then finds the
 * work done; plan_launch's primary key (the business key) refuses a second instance even if that lock were
 * bypassed, rolling the whole synchronisation back.
 */
@Component
public class PlanLauncher {

  public static final String CATALOGUE_AUTHOR = "catalogue.yaml";
  private static final Logger LOG = LoggerFactory.getLogger(PlanLauncher.class);

  private final PlanCatalogue catalogue;
  private final PlanStore store;
  private final DeliverableProcesses processes;
  private final PlanAmendments amendments;
  private final PlanProperties properties;
  private final TransactionTemplate transaction;

  public PlanLauncher(PlanCatalogue catalogue, PlanStore store, DeliverableProcesses processes,
      PlanAmendments amendments, PlanProperties properties, TransactionTemplate transaction) {
    this.catalogue = catalogue;
    this.store = store;
    this.processes = processes;
    this.amendments = amendments;
    this.properties = properties;
    this.transaction = transaction;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void launchOnStart() {
    if (!properties.isLaunchOnStart()) {
      LOG.info("Plan launch on start is off (gdnn.plan.launch-on-start=false)");
      return;
    }
    try {
      Result result = synchronise();
      LOG.info("Plan synchronised with the catalogue: {}", result);
    } catch (CatalogueException e) {
      LOG.error("The plan catalogue was not applied; nothing changed. {}", e.getMessage());
    }
  }

  /** What one synchronisation did. */
  public record Result(List<String> launched, List<String> amended, List<String> cancelled) {
  }

  public Result synchronise() {
    Catalogue file = catalogue.fromFile(); // validates first: a bad file changes nothing
    Map<String, DeliverableEntry> entries = catalogue.fileEntries().stream()
        .collect(Collectors.toMap(DeliverableEntry::code, e -> e, (a, b) -> a, java.util.LinkedHashMap::new));
    return transaction.execute(status -> {
      store.lockCatalogue();
      List<String> launched = new ArrayList<>();
      List<String> amended = new ArrayList<>();
      List<String> cancelled = new ArrayList<>();
      Map<String, PlanStore.StoredDeliverable> stored = new HashMap<>();
      store.deliverables().forEach(s -> stored.put(s.code(), s));
      for (Deliverable d : file.deliverables()) {
        DeliverableEntry entry = entries.get(d.code());
        PlanStore.StoredDeliverable existing = stored.get(d.code());
        if (existing == null) {
          store.insertDeliverable(entry, entry);
        } else if (!Objects.equals(existing.catalogueDefinition(), entry) && existing.active()) {
          amendments.applyCatalogueChange(existing, entry, file);
          store.updateCatalogueDefinition(d.code(), entry);
          amended.add(d.code());
        }
      }
      Set<String> inFile = entries.keySet();
      for (PlanStore.StoredDeliverable s : stored.values()) {
        if (s.catalogueDefinition() != null && s.active() && !inFile.contains(s.code())) {
          amendments.cancel(s.code(), "Nhiệm vụ đã được bỏ khỏi tệp danh mục kế hoạch.", CATALOGUE_AUTHOR);
          cancelled.add(s.code());
        }
      }
      launched.addAll(launchMissing());
      return new Result(launched, amended, cancelled);
    });
  }

  /** Starts the lifecycle of every occurrence of an active deliverable that has none yet. */
  List<String> launchMissing() {
    Catalogue current = catalogue.current();
    List<String> launched = new ArrayList<>();
    Set<String> active = store.deliverables().stream().filter(PlanStore.StoredDeliverable::active)
        .map(PlanStore.StoredDeliverable::code).collect(Collectors.toSet());
    for (Deliverable d : current.deliverables()) {
      if (!active.contains(d.code())) {
        continue;
      }
      for (Occurrence o : d.occurrences(current.planStart())) {
        if (launch(d, o)) {
          launched.add(o.businessKey());
        }
      }
    }
    return launched;
  }

  boolean launch(Deliverable d, Occurrence o) {
    return amendments.launch(d, o);
  }
}
