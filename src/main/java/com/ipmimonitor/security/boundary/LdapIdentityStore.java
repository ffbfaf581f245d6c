package com.ipmimonitor.security.boundary;

import com.ipmimonitor.security.control.LdapCaller;
import com.ipmimonitor.security.control.LdapLogin;
import com.ipmimonitor.security.control.LdapSettings;
import com.ipmimonitor.security.control.LdapUnavailableException;
import com.ipmimonitor.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Users of an LDAP directory (LDAP_URL and friends): anyone the directory knows may sign in, members of
 * LDAP_ADMIN_GROUPS get the admin role. Off while LDAP_URL is unset. Soteria's IdentityStoreHandler asks this
 * store and AdminIdentityStore in turn, so the built-in admin keeps working whatever the directory does.
 */
@ApplicationScoped
public class LdapIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(LdapIdentityStore.class.getName());

    private Optional<LdapLogin> login = Optional.empty();

    @PostConstruct
    void configure() {
        Config config = ConfigProvider.getConfig();
        Optional<LdapSettings> settings = LdapSettings.from(name -> config.getOptionalValue(name, String.class));
        settings.ifPresent(s -> LOG.info("sign-in through " + s));
        login = settings.map(LdapLogin::new);
    }

    /** Reads the settings at startup: a mistake in them fails the deployment instead of the first sign-in. */
    void readSettingsAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.fine(() -> login.isPresent() ? "LDAP sign-in on" : "LDAP sign-in off (LDAP_URL is not set)");
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return login.isPresent() ? DEFAULT_VALIDATION_TYPES : Set.of();
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (login.isEmpty() || !(credential instanceof UsernamePasswordCredential typed)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        try {
            return login.get().authenticate(typed.getCaller(), typed.getPasswordAsString())
                    .map(LdapIdentityStore::valid)
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        } catch (LdapUnavailableException e) {
            // the message names the server and the operation, never a password
            LOG.warning("LDAP sign-in not possible: " + e.getMessage());
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
    }

    private static CredentialValidationResult valid(LdapCaller caller) {
        return new CredentialValidationResult(caller.name(), caller.admin() ? Set.of(Role.ADMIN_NAME) : Set.of());
    }
}
