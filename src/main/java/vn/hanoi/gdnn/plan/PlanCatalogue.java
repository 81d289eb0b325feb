package vn.hanoi.gdnn.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The catalogue as shipped (catalogue.yaml) and as it stands after amendments (table plan_deliverable).
 */
@Component
public class PlanCatalogue {

  private final PlanProperties properties;
  private final ResourceLoader resources;
  private final PlanStore store;
  private final CatalogueLoader loader;

  public PlanCatalogue(PlanProperties properties, ResourceLoader resources, PlanStore store, PlanUnits units,
      RepositoryService repository) {
    this.properties = properties;
    this.resources = resources;
    this.store = store;
    this.loader = new CatalogueLoader(units::exists,
        key -> repository.createProcessDefinitionQuery().processDefinitionKey(key).count() > 0);
  }

  public CatalogueLoader loader() {
    return loader;
  }

  /** Reads and validates catalogue.yaml; throws CatalogueException naming every bad entry. */
  public Catalogue fromFile() {
    try (InputStream in = resources.getResource(properties.getCatalogue()).getInputStream()) {
      return loader.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the plan catalogue " + properties.getCatalogue(), e);
    }
  }

  /** Raw entries of catalogue.yaml, keyed like the stored ones (for comparing with what was applied). */
  public List<DeliverableEntry> fileEntries() {
    try (InputStream in = resources.getResource(properties.getCatalogue()).getInputStream()) {
      return CatalogueLoader.entries(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the plan catalogue " + properties.getCatalogue(), e);
    }
  }

  /** The catalogue in force: every stored deliverable (active or cancelled), with the file's areas and date. */
  public Catalogue current() {
    Catalogue file = fromFile();
    List<Deliverable> deliverables = new ArrayList<>();
    for (PlanStore.StoredDeliverable stored : store.deliverables()) {
      deliverables.add(loader.validate(stored.definition(), file.areas(), file.planStart()));
    }
    return new Catalogue(file.reference(), file.planStart(), file.areas(), deliverables);
  }
}
