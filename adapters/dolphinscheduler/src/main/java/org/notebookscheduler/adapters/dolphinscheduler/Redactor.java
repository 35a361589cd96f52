package org.notebookscheduler.adapters.dolphinscheduler;

import java.util.List;
import org.notebookscheduler.domain.schedule.CallbackCredential;
import org.notebookscheduler.domain.shared.Secret;

/**
 * Takes the tokens out of any text that leaves this adapter (log lines, exception messages):
 * DolphinScheduler echoes a whole invalid process definition in its error message, and the
 * definition carries the tasks' callback credentials; task logs carry them too.
 */
final class Redactor {

    private static final String MASK = "******";
    private static final int MAX_ECHO = 500;

    private final List<Secret> secrets;

    Redactor(Secret... secrets) {
        this.secrets = List.of(secrets);
    }

    /** A message echoed from DolphinScheduler: secrets masked, cut to a readable length. */
    String clean(String text) {
        String cleaned = mask(text);
        return cleaned == null || cleaned.length() <= MAX_ECHO ? cleaned : cleaned.substring(0, MAX_ECHO) + "…";
    }

    /** Any text, whole, with the tokens and every task's callback credential masked. */
    String mask(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = text;
        for (Secret secret : secrets) {
            cleaned = cleaned.replace(secret.reveal(), MASK);
        }
        return CallbackCredential.mask(cleaned);
    }
}
