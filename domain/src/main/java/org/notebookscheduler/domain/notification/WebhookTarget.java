package org.notebookscheduler.domain.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.notebookscheduler.domain.shared.Check;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;
import org.notebookscheduler.domain.shared.Secret;

/**
 * Where a notification goes: a robot's webhook URL, its kind, and its signing secret when the robot
 * signs. Every robot carries its credential in the URL, so the URL is held as a {@link Secret} and
 * only {@link #redacted()} (scheme, host and a fingerprint of the whole URL) is ever shown.
 */
public final class WebhookTarget {

    private final Secret url;
    private final String redacted;
    private final WebhookKind kind;
    private final Secret signingSecret;

    private WebhookTarget(Secret url, String redacted, WebhookKind kind, Secret signingSecret) {
        this.url = url;
        this.redacted = redacted;
        this.kind = kind;
        this.signingSecret = signingSecret;
    }

    /**
     * @param kind          null to detect it from the URL
     * @param signingSecret null when the robot does not sign
     */
    public static WebhookTarget of(String url, WebhookKind kind, String signingSecret, String field) {
        URI uri = parse(Check.optionalText(url, field, MAX_URL_LENGTH), field);
        Check.optionalText(signingSecret, field.endsWith(".url") ? field.substring(0, field.length() - 4)
                + ".signingSecret" : field + ".signingSecret", MAX_SECRET_LENGTH);
        return new WebhookTarget(Secret.of(url, field),
                uri.getScheme() + "://" + uri.getRawAuthority() + "/…#" + fingerprint(url.strip()),
                kind == null ? WebhookKind.detect(uri) : kind,
                signingSecret == null || signingSecret.isBlank() ? null : Secret.of(signingSecret, field + ".secret"));
    }

    /** The stored columns are this wide. */
    public static final int MAX_URL_LENGTH = 2000;
    public static final int MAX_SECRET_LENGTH = 512;

    /**
     * Six hex digits of the URL's SHA-256: tells two robots on one host apart in lists, logs and
     * the dead-letter filter, and says nothing of the token in the URL.
     */
    private static String fingerprint(String url) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(url.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 3);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static URI parse(String url, String field) {
        if (url == null || url.isBlank()) {
            throw new RefusedException(ErrorCode.FIELD_REQUIRED, field, field + " must not be blank");
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below, without echoing the URL: it holds the robot's token
        }
        throw new RefusedException(ErrorCode.FIELD_OUT_OF_RANGE, field, field + " must be an http(s) URL with a host");
    }

    /** The full URL with its credential; only the sender that calls the robot reads it. */
    public Secret url() {
        return url;
    }

    public String redacted() {
        return redacted;
    }

    public WebhookKind kind() {
        return kind;
    }

    public Optional<Secret> signingSecret() {
        return Optional.ofNullable(signingSecret);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookTarget that && url.equals(that.url) && kind == that.kind
                && Objects.equals(signingSecret, that.signingSecret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(redacted, kind);
    }

    @Override
    public String toString() {
        return kind + " " + redacted;
    }
}
