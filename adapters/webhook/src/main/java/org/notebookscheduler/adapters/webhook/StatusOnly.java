package org.notebookscheduler.adapters.webhook;

import org.notebookscheduler.application.port.out.DeliveryOutcome;

/** An answer with no body a robot's rules can read: the HTTP status decides. */
final class StatusOnly {

    private StatusOnly() {
    }

    static DeliveryOutcome judge(String robot, Robot.Answer answer) {
        if (answer.transientStatus()) {
            return new DeliveryOutcome.Retryable(Messages.reason(robot + " answered HTTP " + answer.status(),
                    answer.body()), answer.retryAfter());
        }
        if (answer.is2xx()) {
            return new DeliveryOutcome.Delivered();
        }
        return new DeliveryOutcome.Permanent(Messages.reason(robot + " answered HTTP " + answer.status(),
                answer.body()));
    }
}
