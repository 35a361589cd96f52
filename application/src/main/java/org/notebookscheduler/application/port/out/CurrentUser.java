package org.notebookscheduler.application.port.out;

import org.notebookscheduler.domain.shared.Actor;

/** Implemented by the host: who is making the current request. */
public interface CurrentUser {

    Actor get();
}
