package vn.hanoi.gdnn.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * API clients (/engine-rest, /api) authenticate with HTTP Basic against Camunda's identity; the webapps
 * keep Camunda's own login, which checks the same identity and its application authorizations.
 */
@Configuration
public class SecurityConfig {

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider)
      throws Exception {
    http.securityMatcher("/engine-rest/**", "/api/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .authenticationProvider(provider)
        .httpBasic(Customizer.withDefaults())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterAfter(new CamundaAuthenticationFilter(provider.identityService()),
            org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappChain(HttpSecurity http) throws Exception {
    // Camunda's webapps carry their own login and CSRF protection (CsrfPreventionFilter).
    http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable());
    return http.build();
  }
}
