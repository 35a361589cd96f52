package org.notebookscheduler.adapters.persistence;

/** Column sizes shared by several entities. */
public final class Columns {

    /**
     * A text longer than a row can hold: LONGTEXT in the migration. MySQL and MariaDB keep it off
     * the row; H2 in MySQL mode makes it a VARCHAR of at most a million characters, so that is the
     * length Hibernate validates against.
     */
    public static final int LONG_TEXT = 1_000_000;

    private Columns() {
    }
}
