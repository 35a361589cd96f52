package org.notebookscheduler.application.port.out;

import org.notebookscheduler.domain.schedule.RemoteRef;

/**
 * The remote object a schedule is linked to is not this schedule's any more: it is gone (the engine
 * lost its project or its database), or the id now belongs to another schedule or another project.
 * Nothing was written to it; the caller drops the link and records the drift.
 */
public class RemoteLinkLostException extends EngineException {

    private static final long serialVersionUID = 1L;

    private final RemoteRef lost;

    public RemoteLinkLostException(String call, RemoteRef lost, String why) {
        super(Kind.NOT_FOUND, call, why);
        this.lost = lost;
    }

    public RemoteRef lost() {
        return lost;
    }

    /** Why the link is lost, without the call's name. */
    public String why() {
        return getMessage().substring(call().length() + 2);
    }
}
