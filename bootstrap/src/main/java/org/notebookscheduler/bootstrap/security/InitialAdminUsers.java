package org.notebookscheduler.bootstrap.security;

import java.util.Collection;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The configured users and the {@link InitialAdmin}, whose password is hashed on the first look-up
 * of any user rather than when the app starts: BCrypt is slow by design, and in a JVM that has only
 * just started (little compiled yet) hashing one password was about 3% of every start in a profile.
 */
final class InitialAdminUsers extends InMemoryUserDetailsManager {

    private final PasswordEncoder encoder;
    private final String adminRole;
    private String adminPassword;

    InitialAdminUsers(Collection<UserDetails> users, PasswordEncoder encoder, String adminPassword,
            String adminRole) {
        super(users);
        this.encoder = encoder;
        this.adminPassword = adminPassword;
        this.adminRole = adminRole;
    }

    /** Adds the admin, its password hashed, the first time any user is asked for. */
    private synchronized void addAdminOnce() {
        if (adminPassword != null) {
            String password = adminPassword;
            // cleared first: createUser asks userExists, which comes back here
            adminPassword = null;
            super.createUser(User.withUsername(InitialAdmin.NAME).password(encoder.encode(password))
                    .roles(adminRole).build());
        }
    }

    @Override
    public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
        addAdminOnce();
        return super.loadUserByUsername(username);
    }

    @Override
    public boolean userExists(String username) {
        addAdminOnce();
        return super.userExists(username);
    }

    @Override
    public void createUser(UserDetails user) {
        addAdminOnce();
        super.createUser(user);
    }

    @Override
    public void updateUser(UserDetails user) {
        addAdminOnce();
        super.updateUser(user);
    }

    @Override
    public void deleteUser(String username) {
        addAdminOnce();
        super.deleteUser(username);
    }

    @Override
    public void changePassword(String oldPassword, String newPassword) {
        addAdminOnce();
        super.changePassword(oldPassword, newPassword);
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        addAdminOnce();
        return super.updatePassword(user, newPassword);
    }
}
