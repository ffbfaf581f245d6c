package com.ipmimonitor.security.boundary;

import com.ipmimonitor.security.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The built-in administrator from ADMIN_USER / ADMIN_PASS. */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    @Inject
    @ConfigProperty(name = "admin.user")
    String adminUser;

    @Inject
    @ConfigProperty(name = "admin.pass")
    String adminPass;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login
                && constantTimeEquals(adminUser, login.getCaller())
                && constantTimeEquals(adminPass, login.getPasswordAsString())) {
            return new CredentialValidationResult(login.getCaller(), Set.of(Role.ADMIN_NAME));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
