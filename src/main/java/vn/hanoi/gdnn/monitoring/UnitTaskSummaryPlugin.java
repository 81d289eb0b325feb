package vn.hanoi.gdnn.monitoring;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Adds {@link UnitTaskSummaryHandler} next to Camunda's default database history handler (which stays on: Camunda
 * composes the default handler with the custom ones), so the units' task summary is written by the same events
 * as the history.
 */
public class UnitTaskSummaryPlugin extends AbstractProcessEnginePlugin {

  private final HistoryEventHandler handler;

  public UnitTaskSummaryPlugin(HistoryEventHandler handler) {
    this.handler = handler;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(handler);
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  @Override
  public String toString() {
    return "UnitTaskSummaryPlugin";
  }
}
