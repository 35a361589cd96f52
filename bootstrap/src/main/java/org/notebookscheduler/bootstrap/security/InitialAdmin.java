package org.notebookscheduler.bootstrap.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The standalone app's first user when none is configured: {@code admin}, with a password drawn once
 * and kept in a file only its owner can read, the way some CI servers hand out their first password.
 * The password is never logged; the log says where the file is.
 */
final class InitialAdmin {

    static final String NAME = "admin";

    private InitialAdmin() {
    }

    /** The password in {@code file}, drawn and written there first when the file is not there yet. */
    static String password(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions keeps its defaults
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the initial admin password in " + file
                    + " (notebook.scheduler.security.initial-admin-password-file)", e);
        }
    }
}
