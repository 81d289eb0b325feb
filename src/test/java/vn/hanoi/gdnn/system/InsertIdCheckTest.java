package vn.hanoi.gdnn.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.hanoi.gdnn.IntegrationTest;

/** The application's engine inserts rows through its id-first check with Camunda's answers. */
@IntegrationTest
class InsertIdCheckTest {

  @Autowired
  ProcessEngine engine;

  @Test
  void aRowWithAnIdIsWrittenAndOneWithTheReservedIdIsRefusedWithCamundasMessage() {
    CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();

    String id = commands.execute(context -> {
      assertThat(context.getDbEntityManager()).isInstanceOf(InsertIdCheck.IdCheckedFirst.class);
      ByteArrayEntity row = new ByteArrayEntity("insert-id-check", "nội dung".getBytes(StandardCharsets.UTF_8));
      context.getDbEntityManager().insert(row);
      return row.getId();
    });
    ByteArrayEntity stored = commands.execute(context ->
        context.getDbEntityManager().selectById(ByteArrayEntity.class, id));
    assertThat(new String(stored.getBytes(), StandardCharsets.UTF_8)).isEqualTo("nội dung");

    assertThatThrownBy(() -> commands.execute(context -> {
      ByteArrayEntity reserved = new ByteArrayEntity("insert-id-check", new byte[] {1});
      reserved.setId("*");
      context.getDbEntityManager().insert(reserved);
      return null;
    })).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("has an invalid id")
        .hasMessageContaining("cannot be *");

    commands.execute(context -> {
      context.getDbEntityManager().delete(context.getDbEntityManager().selectById(ByteArrayEntity.class, id));
      return null;
    });
  }
}
