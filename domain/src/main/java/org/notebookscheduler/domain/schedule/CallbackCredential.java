package org.notebookscheduler.domain.schedule;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.notebookscheduler.domain.shared.Secret;

/**
 * The credential one task of one schedule presents when the scheduler calls back to run it: an
 * HMAC-SHA256 of the schedule id and the task name under the configured callback token. The token
 * itself never leaves the app; a credential read from one task's log (DolphinScheduler 1.3.9 logs
 * task parameters) can only re-send that same task's callback, and changing the token invalidates
 * every credential at once.
 *
 * <p>Credentials carry the prefix {@value #PREFIX}, so that any text can have them masked.
 */
public final class CallbackCredential {

    public static final String PREFIX = "nsc1.";
    private static final Pattern ANY = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");
    private static final String MASKED = PREFIX + "******";
    private static final String CONTEXT = "notebook-scheduler callback v1\n";

    private CallbackCredential() {
    }

    public static String of(Secret key, ScheduleId scheduleId, String taskName) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((CONTEXT + scheduleId + "\n" + taskName).getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code presented} is the credential of that task, compared in constant time. */
    public static boolean matches(Secret key, ScheduleId scheduleId, String taskName, String presented) {
        if (presented == null || taskName == null) {
            return false;
        }
        return MessageDigest.isEqual(of(key, scheduleId, taskName).getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code text} with every credential in it masked. */
    public static String mask(String text) {
        return text == null ? null : ANY.matcher(text).replaceAll(MASKED);
    }
}
