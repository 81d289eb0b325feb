package vn.hanoi.gdnn.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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
 *
 * <p>A client sends its password with every call. Credentials that were checked successfully are remembered for
 * {@code gdnn.security.basic-auth-cache-ttl} (60 s; 0 turns it off) together with the user's groups, so a burst of
 * calls pays for Camunda's password hash and group read once: the password check and group query were a fifth of
 * a REST completion's CPU (docs/performance.md). Only a keyed hash (HMAC-SHA256 with a key drawn at start and kept
 * in memory) of user and password is kept, never the password; wrong passwords are never remembered and always
 * go through the throttle and Camunda's check. The price: a changed password, a removed user or a changed group
 * membership takes effect for HTTP Basic callers within that time (docs/security.md).
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private static final Logger LOG = LoggerFactory.getLogger(CamundaIdentityAuthenticationProvider.class);

  private final IdentityService identityService;
  private final LoginThrottle throttle;
  /** Keyed hash of verified credentials → the user's groups; null when remembering is off. */
  private final Cache<String, List<SimpleGrantedAuthority>> verified;
  private final SecretKeySpec key;

  @Autowired
  public CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle,
      @Value("${gdnn.security.basic-auth-cache-ttl:60s}") Duration ttl) {
    this(identityService, throttle, ttl, Ticker.systemTicker());
  }

  CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle, Duration ttl,
      Ticker ticker) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.verified = ttl.isZero() || ttl.isNegative() ? null
        : Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).ticker(ticker).build();
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
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
    String remembered = verified == null || userId == null || credentials == null ? null
        : fingerprint(userId, credentials.toString());
    List<SimpleGrantedAuthority> known = remembered == null ? null : verified.getIfPresent(remembered);
    if (known != null) {
      attempt.succeeded();
      return UsernamePasswordAuthenticationToken.authenticated(userId, null, known);
    }
    if (userId == null || userId.isBlank() || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      LOG.info("API login refused for user '{}' from {}", userId, address);
      throw new BadCredentialsException("Invalid credentials");
    }
    attempt.succeeded();
    List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(userId).list()
        .stream().map(Group::getId).map(SimpleGrantedAuthority::new).toList();
    if (remembered != null) {
      verified.put(remembered, groups);
    }
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
  }

  private String fingerprint(String userId, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(userId.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
