package org.notebookscheduler.domain.shared;

/**
 * Who is acting: a notebook user as the host knows them. An administrator sees and changes every
 * schedule; anyone else only their own.
 */
public record Actor(String name, boolean admin) {

    public static final Actor SCHEDULER = new Actor("scheduler", true);

    public Actor {
        name = Check.text(name, "actor", 255);
    }

    public static Actor user(String name) {
        return new Actor(name, false);
    }

    public static Actor admin(String name) {
        return new Actor(name, true);
    }

    public boolean mayAccessOwnedBy(String owner) {
        return admin || name.equals(owner);
    }
}
