package vn.hanoi.gdnn.security;

import java.util.Map;

import org.camunda.bpm.engine.identity.PasswordPolicyRule;

/**
 * The one rule of the password policy: at least {@code minLength} characters. Written on the engine's public rule
 * interface instead of taking the engine's internal length rule, so that an engine upgrade cannot change it
 * unseen (docs/architecture.md, "Engine internals"). Placeholder and parameter are the ones Admin translates
 * ({@code PASSWORD_POLICY_LENGTH}, {@code minLength}).
 */
final class MinimumLengthRule implements PasswordPolicyRule {

  static final String PLACEHOLDER = "PASSWORD_POLICY_LENGTH";

  private final int minLength;

  MinimumLengthRule(int minLength) {
    this.minLength = minLength;
  }

  @Override
  public String getPlaceholder() {
    return PLACEHOLDER;
  }

  @Override
  public Map<String, String> getParameters() {
    return Map.of("minLength", Integer.toString(minLength));
  }

  @Override
  public boolean execute(String password) {
    return password != null && password.length() >= minLength;
  }
}
