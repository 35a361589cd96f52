package org.notebookscheduler.adapters.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutboxClaimTest {

    @ParameterizedTest(name = "{0} -> SKIP LOCKED {1}")
    @CsvSource({
        "MariaDB 10.11.19-MariaDB, true",
        "MySQL 5.5.5-10.11.19-MariaDB-0+deb12u1, true",
        "MariaDB 10.5.26-MariaDB, false",
        "MySQL 5.5.5-10.4.34-MariaDB, false",
        "MySQL 8.0.39, true",
        "MySQL 8.4.2, true",
        "MySQL 5.7.44, false",
        "PostgreSQL 15.14 (Debian 15.14-0+deb12u1), true",
        "PostgreSQL 9.4.26, false",
        "H2 2.4.240 (2025-09-22), false"
    })
    void skip_locked_is_used_only_where_the_server_has_it(String productAndVersion, boolean expected) {
        assertThat(OutboxClaim.supportsSkipLocked(productAndVersion)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "PostgreSQL 15.14 (Debian 15.14-0+deb12u1), UPDATE_RETURNING",
        "MySQL 5.5.5-10.11.19-MariaDB-0+deb12u1, LOCK_THEN_LEASE",
        "MySQL 8.0.39, LOCK_THEN_LEASE",
        "PostgreSQL 9.4.26, CONDITIONAL_UPDATES",
        "H2 2.4.240 (2025-09-22), CONDITIONAL_UPDATES"
    })
    void postgresql_claims_in_one_statement_and_the_others_as_they_can(String productAndVersion,
            OutboxClaim.Strategy expected) {
        assertThat(OutboxClaim.strategyFor(productAndVersion)).isEqualTo(expected);
    }
}
