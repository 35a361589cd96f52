package org.notebookscheduler.adapters.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.notebookscheduler.domain.execution.Text;

/**
 * Reads a process's output to its end, keeping only the last part: a notebook can print gigabytes,
 * and what matters (the traceback, the summary) is at the end. Memory stays bounded by the limit.
 */
final class OutputTail {

    /** A UTF-8 character takes at most 4 bytes: keeping this many bytes always holds the last chars. */
    private static final int BYTES_PER_CHAR = 4;

    private final int maxChars;
    private final byte[] ring;
    private long total;

    OutputTail(int maxChars) {
        this.maxChars = maxChars;
        this.ring = new byte[maxChars * BYTES_PER_CHAR];
    }

    /** Reads until the stream ends or fails (the process died); never throws. */
    void drain(InputStream output) {
        byte[] chunk = new byte[8192];
        try (output) {
            for (int read; (read = output.read(chunk)) >= 0; ) {
                append(chunk, read);
            }
        } catch (IOException closed) {
            // the pipe went away with the process: what was read is what there is
        }
    }

    private synchronized void append(byte[] chunk, int length) {
        for (int index = 0; index < length; index++) {
            ring[(int) (total % ring.length)] = chunk[index];
            total++;
        }
    }

    /** The last chars read, preceded by a line saying how much came before when not all was kept. */
    synchronized String text() {
        int kept = (int) Math.min(total, ring.length);
        byte[] last = new byte[kept];
        long first = total - kept;
        for (int index = 0; index < kept; index++) {
            last[index] = ring[(int) ((first + index) % ring.length)];
        }
        String decoded = new String(last, StandardCharsets.UTF_8);
        String tail = Text.tail(decoded, maxChars);
        if (first == 0 && tail.length() == decoded.length()) {
            return tail;
        }
        long dropped = total - tail.getBytes(StandardCharsets.UTF_8).length;
        return "[" + dropped + " earlier bytes of output not kept]\n" + tail;
    }
}
