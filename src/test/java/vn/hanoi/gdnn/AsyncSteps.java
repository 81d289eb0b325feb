package vn.hanoi.gdnn;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Runs what the job executor (off in tests) would run next: the asynchronous continuations waiting in the
 * instances of a business key — procedures are called behind one, and a consultation's summary runs behind
 * one. Timers are left alone: tests fire them on purpose, on a controlled clock.
 */
public final class AsyncSteps {

  private AsyncSteps() {
  }

  /** Runs the continuations of the business key's instances (null: of every instance) until none is left. */
  public static int run(ProcessEngine engine, String businessKey) {
    int executed = 0;
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = new ArrayList<>();
      if (businessKey == null) {
        jobs.addAll(engine.getManagementService().createJobQuery().messages().withRetriesLeft().list());
      } else {
        for (ProcessInstance p : engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceBusinessKey(businessKey).list()) {
          jobs.addAll(engine.getManagementService().createJobQuery().processInstanceId(p.getId()).messages()
              .withRetriesLeft().list());
        }
      }
      if (jobs.isEmpty()) {
        return executed;
      }
      for (Job job : jobs) {
        engine.getManagementService().executeJob(job.getId());
        executed++;
      }
    }
    throw new IllegalStateException("Asynchronous steps of " + businessKey + " keep coming after 20 rounds");
  }
}
