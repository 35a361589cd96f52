package org.notebookscheduler.adapters.web.error;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over the limit with 413, before anything reads it when the length is
 * declared, and as soon as the limit is passed when it is not (chunked); refuses headers over their
 * limit with 431.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

    static final String MESSAGE = "the request body is larger than this server accepts";

    private final long maxBytes;
    private final long maxHeaderBytes;

    public RequestSizeLimit(long maxBytes, long maxHeaderBytes) {
        this.maxBytes = maxBytes;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    private static long headerBytes(HttpServletRequest request) {
        long total = 0;
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                total += name.length() + value.length() + 4;
            }
        }
        return total;
    }

    /** Thrown while reading a body that turns out to be too large. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException() {
            super(MESSAGE);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (headerBytes(request) > maxHeaderBytes) {
            ProblemResponses.write(response, ErrorCode.REQUEST_HEADERS_TOO_LARGE, "the request's headers are larger"
                    + " than this server accepts (" + maxHeaderBytes + " bytes)", request.getRequestURI());
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            // written here, before any controller: the same fields the exception handler writes
            ProblemResponses.write(response, ErrorCode.REQUEST_TOO_LARGE, MESSAGE + " (" + maxBytes + " bytes)",
                    request.getRequestURI());
            return;
        }
        chain.doFilter(new Limited(request, maxBytes), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int next = in.read();
                    if (next >= 0) {
                        count(1);
                    }
                    return next;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > maxBytes) {
                        throw new TooLargeException();
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
