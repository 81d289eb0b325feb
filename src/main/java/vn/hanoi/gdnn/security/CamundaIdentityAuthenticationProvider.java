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
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials with {@link IdentityService#checkPassword}, behind the same {@link LoginThrottle}
 * as the webapps' login: a client address (or an account at that address) with too many recent failures is
 * refused before its password is checked ({@link LoginThrottledException}, answered 429). A refused login is
 * otherwise a 401 whatever the reason (unknown user, wrong password), so an attacker learns nothing about
 * accounts.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private static final Logger LOG = LoggerFactory.getLogger(CamundaIdentityAuthenticationProvider.class);

  private final IdentityService identityService;
  private final LoginThrottle throttle;

  public CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
    this.identityService = identityService;
    this.throttle = throttle;
  }

  IdentityService identityService() {
    return identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    String address = authentication.getDetails() instanceof WebAuthenticationDetails web
        ? web.getRemoteAddress() : null;
    LoginThrottle.Attempt attempt = throttle.begin(userId, address);
    if (userId == null || userId.isBlank() || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      LOG.info("API login refused for user '{}' from {}", userId, address);
      throw new BadCredentialsException("Invalid credentials");
    }
    attempt.succeeded();
    List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(userId).list()
        .stream().map(Group::getId).map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
