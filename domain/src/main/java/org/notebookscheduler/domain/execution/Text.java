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
}
