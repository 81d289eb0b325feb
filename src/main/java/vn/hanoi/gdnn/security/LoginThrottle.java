package vn.hanoi.gdnn.security;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting a stranger lock anyone out (docs/security.md, "Login limits").
 * Every login attempt, on both login surfaces, takes a token from two buckets: one per client address and one
 * per account at that address; a successful login gives them back, so only failures count. An empty bucket
 * refuses the attempt before the password is checked (429 with Retry-After) and refills one token at a time.
 *
 * <p>There is no bucket per account alone: the rightful owner, at another address, is never refused because of
 * someone else's failures. Unknown accounts are counted exactly as known ones, so the answers reveal nothing.
 * Buckets live in this node's memory (a bounded cache). The clock is the JVM's monotonic one, not the engine's
 * {@code ClockUtil}, which tests move back and forth (a bucket would stop refilling after a jump back); tests of
 * the throttle move this clock forward with {@link #advance}.
 */
@Component
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  /** Longer than any bucket takes to refill completely, so forgetting a bucket never frees an attacker early. */
  private static final Duration KEEP = Duration.ofHours(1);
  private static final int MAX_ACCOUNT_LENGTH = 128;

  /** Added to the clock by tests, forward only. */
  private final AtomicLong offsetNanos = new AtomicLong();
  private final TimeMeter clock = new TimeMeter() {
    @Override
    public long currentTimeNanos() {
      return System.nanoTime() + offsetNanos.get();
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  };

  private final int addressFailures;
  private final Duration addressRefill;
  private final int accountFailures;
  private final Duration accountRefill;
  private final Cache<String, Bucket> addresses;
  private final Cache<String, Bucket> accounts;

  public LoginThrottle(
      @Value("${gdnn.security.login-throttle.address-failures:20}") int addressFailures,
      @Value("${gdnn.security.login-throttle.address-refill:15s}") Duration addressRefill,
      @Value("${gdnn.security.login-throttle.account-failures:5}") int accountFailures,
      @Value("${gdnn.security.login-throttle.account-refill:30s}") Duration accountRefill) {
    this.addressFailures = addressFailures;
    this.addressRefill = addressRefill;
    this.accountFailures = accountFailures;
    this.accountRefill = accountRefill;
    this.addresses = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(KEEP).build();
    this.accounts = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(KEEP).build();
  }

  /** An attempt allowed to check its password; report its outcome. */
  public interface Attempt {

    /** The password was right: the tokens are given back. */
    void succeeded();
  }

  /**
   * Takes one token for the address and one for the account at that address.
   *
   * @throws LoginThrottledException when either bucket is empty: the password must not be checked
   */
  public Attempt begin(String account, String address) {
    String client = address == null || address.isBlank() ? "unknown" : address;
    Bucket byAddress = addresses.get(client, k -> bucket(addressFailures, addressRefill));
    ConsumptionProbe probe = byAddress.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      LOG.warn("Login attempt refused: too many failed logins from address {}", client);
      throw new LoginThrottledException(seconds(probe.getNanosToWaitForRefill()));
    }
    Bucket byAccount = accounts.get(key(account, client), k -> bucket(accountFailures, accountRefill));
    ConsumptionProbe accountProbe = byAccount.tryConsumeAndReturnRemaining(1);
    if (!accountProbe.isConsumed()) {
      byAddress.addTokens(1);
      LOG.warn("Login attempt refused: too many failed logins for account '{}' from address {}", account, client);
      throw new LoginThrottledException(seconds(accountProbe.getNanosToWaitForRefill()));
    }
    return () -> {
      byAddress.addTokens(1);
      byAccount.addTokens(1);
    };
  }

  /** An administrator unlocked the account: its failures at every address are forgotten. */
  public void forget(String account) {
    String prefix = normalised(account) + "\n";
    accounts.asMap().keySet().removeIf(key -> key.startsWith(prefix));
  }

  /** Moves this throttle's clock forward (tests: "a minute later"). */
  void advance(Duration duration) {
    offsetNanos.addAndGet(duration.toNanos());
  }

  /** Forgets everything (tests). */
  void reset() {
    addresses.invalidateAll();
    accounts.invalidateAll();
  }

  private Bucket bucket(int failures, Duration perToken) {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(failures).refillGreedy(1, perToken))
        .withCustomTimePrecision(clock)
        .build();
  }

  private static String key(String account, String address) {
    return normalised(account) + "\n" + address;
  }

  /** Case and length do not give an attacker fresh buckets. */
  private static String normalised(String account) {
    String id = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    return id.length() > MAX_ACCOUNT_LENGTH ? id.substring(0, MAX_ACCOUNT_LENGTH) : id;
  }

  private static long seconds(long nanos) {
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }
}
