package org.notebookscheduler.adapters.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.notebookscheduler.domain.execution.Text;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the robots share: JSON, HMAC-SHA256, and cutting a text to what a robot accepts. */
final class Messages {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CUT_MARK = "…";

    private Messages() {
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** The answer's JSON, or null when it is not JSON. */
    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** At most {@code max} characters, marked when cut. */
    static String cutChars(String text, int max) {
        return text.length() <= max ? text : Text.cut(text, max - CUT_MARK.length()) + CUT_MARK;
    }

    /** At most {@code maxBytes} UTF-8 bytes (WeCom counts bytes), never splitting a character, marked when cut. */
    static String cutBytes(String text, int maxBytes) {
        if (utf8(text).length <= maxBytes) {
            return text;
        }
        int budget = maxBytes - utf8(CUT_MARK).length;
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int size = utf8(new String(Character.toChars(codePoint))).length;
            if (used + size > budget) {
                break;
            }
            kept.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        return kept + CUT_MARK;
    }

    /** A robot's own words for what went wrong, short and on one line. */
    static String reason(String prefix, String detail) {
        String text = detail == null ? "" : detail.replaceAll("\\s+", " ").strip();
        return prefix + (text.isEmpty() ? "" : ": " + cutChars(text, 300));
    }
}
