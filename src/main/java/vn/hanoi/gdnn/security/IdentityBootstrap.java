package vn.hanoi.gdnn.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.organisation.OrganisationDirectory;
import vn.hanoi.gdnn.organisation.OrganisationSync;

/**
 * Brings identity and permissions in line at start, before the web server accepts requests, in this order:
 * organisation groups, people (the production administrator, or the demo users), authorizations. Every step
 * is idempotent, so {@link #run()} may be called again at any time.
 */
@Component
public class IdentityBootstrap implements SmartInitializingSingleton {

  private final OrganisationSync organisationSync;
  private final AuthorizationSetup authorizationSetup;
  private final IdentityService identityService;
  private final ObjectProvider<ProductionAdministrator> productionAdministrator;
  private final ObjectProvider<DemoUsers> demoUsers;
  private final OrganisationDirectory directory;

  public IdentityBootstrap(OrganisationSync organisationSync, AuthorizationSetup authorizationSetup,
      IdentityService identityService, ObjectProvider<ProductionAdministrator> productionAdministrator,
      ObjectProvider<DemoUsers> demoUsers, OrganisationDirectory directory) {
    this.organisationSync = organisationSync;
    this.authorizationSetup = authorizationSetup;
    this.identityService = identityService;
    this.productionAdministrator = productionAdministrator;
    this.demoUsers = demoUsers;
    this.directory = directory;
  }

  @Override
  public void afterSingletonsInstantiated() {
    run();
  }

  public void run() {
    organisationSync.sync();
    productionAdministrator.ifAvailable(admin -> {
      admin.refuseDemoAccounts(identityService,
          DemoUsers.users(directory).stream().map(DemoUsers.DemoUser::id).toList());
      admin.ensureExists(identityService);
    });
    demoUsers.ifAvailable(demo -> demo.create(identityService));
    authorizationSetup.apply();
  }
}
