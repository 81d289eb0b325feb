package vn.hanoi.gdnn.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials with {@link IdentityService#checkPassword}, so the engine's login-attempt
 * limits apply to API clients exactly as to the webapps' login: each failure locks the account for a growing
 * delay ({@code loginDelayBase} × {@code loginDelayFactor}^(n−1) seconds, at most {@code loginDelayMaxTime}),
 * and {@code loginMaxAttempts} failures in a row lock it until an administrator unlocks it in Admin. During a
 * lock even the right password is refused. A refused login is a 401 whatever the reason (unknown user, wrong
 * password, locked), so an attacker learns nothing about accounts.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private static final Logger LOG = LoggerFactory.getLogger(CamundaIdentityAuthenticationProvider.class);

  private final IdentityService identityService;

  public CamundaIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  IdentityService identityService() {
    return identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      LOG.info("API login refused for user '{}'", userId);
      throw new BadCredentialsException("Invalid credentials");
    }
    List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(userId).list()
        .stream().map(Group::getId).map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
