package vn.hanoi.gdnn.security;

import java.util.List;

import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The password policy, in Camunda's own machinery: the engine refuses a new or changed password shorter than
 * {@code gdnn.security.password-min-length} (12) whoever sets it (Admin, REST, Java), and Admin shows the rule
 * while one is typed ({@code /identity/password-policy}, translated). Length is the rule that matters against
 * guessing (NIST SP 800-63B); Camunda's composition rules (upper case, digit, special) are left out, as is its
 * user-data rule, which refuses any password containing a short Vietnamese name such as "An".
 *
 * <p>Only the demo users are saved past it ({@link DemoUsers}): their passwords are their ids.
 */
@Component
public class PasswordPolicyPlugin extends AbstractCamundaConfiguration {

  private final int minLength;

  public PasswordPolicyPlugin(@Value("${gdnn.security.password-min-length:12}") int minLength) {
    this.minLength = minLength;
  }

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    configuration.setEnablePasswordPolicy(true);
    configuration.setPasswordPolicy(policy(minLength));
  }

  static PasswordPolicy policy(int minLength) {
    List<PasswordPolicyRule> rules = List.of(new MinimumLengthRule(minLength));
    return () -> rules;
  }

  /** What a person reads when a password is refused, naming what is wrong. */
  static String vietnamese(PasswordPolicyResult result) {
    StringBuilder text = new StringBuilder("Mật khẩu không đạt chính sách mật khẩu");
    for (PasswordPolicyRule rule : result.getViolatedRules()) {
      if (rule instanceof MinimumLengthRule) {
        text.append(": mật khẩu phải có ít nhất ").append(rule.getParameters().get("minLength"))
            .append(" ký tự");
      }
    }
    return text.append('.').toString();
  }
}
