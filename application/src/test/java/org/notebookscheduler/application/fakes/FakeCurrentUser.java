package org.notebookscheduler.application.fakes;

import org.notebookscheduler.application.port.out.CurrentUser;
import org.notebookscheduler.domain.shared.Actor;

public final class FakeCurrentUser implements CurrentUser {

    private volatile Actor actor;

    public FakeCurrentUser(Actor actor) {
        this.actor = actor;
    }

    public void actAs(Actor next) {
        actor = next;
    }

    @Override
    public Actor get() {
        return actor;
    }
}
