package org.notebookscheduler.domain.execution;

/** Cutting text to a length without splitting a character in two. */
public final class Text {

    private Text() {
    }

    /** At most {@code max} chars; a surrogate pair at the cut is dropped whole rather than halved. */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /**
     * The last {@code max} chars at most, for output whose end is what matters (a traceback); a
     * surrogate pair at the cut is dropped whole rather than halved.
     */
    public static String tail(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int start = text.length() - max;
        if (Character.isLowSurrogate(text.charAt(start))) {
            start++;
        }
        return text.substring(start);
    }
}
