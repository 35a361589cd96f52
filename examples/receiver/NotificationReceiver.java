import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * A local stand-in for an IM robot, for the quick start: takes notebook-scheduler's GENERIC webhook
 * messages ({"event": ..., "text": ...}), prints each one, and appends each body as one line to
 * received.jsonl, so a script or a test can read what was delivered. GET / returns those lines.
 *
 * Run it with the JDK alone (no build):  java examples/receiver/NotificationReceiver.java [port] [file]
 * Port 0 picks a free port; the port in use is printed on the first line.
 */
public class NotificationReceiver {

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9999;
        Path received = Path.of(args.length > 1 ? args[1] : "received.jsonl").toAbsolutePath();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (exchange.getRequestMethod().equals("POST")) {
                    take(exchange, received);
                } else {
                    byte[] all = Files.exists(received) ? Files.readAllBytes(received) : new byte[0];
                    answer(exchange, 200, all);
                }
            }
        });
        server.start();
        System.out.println("receiver listening on port " + server.getAddress().getPort() + ", writing to " + received);
    }

    private static void take(HttpExchange exchange, Path received) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).strip();
        synchronized (NotificationReceiver.class) {
            Files.writeString(received, body.replace("\n", " ") + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        System.out.println("[" + Instant.now() + "] notification received on " + exchange.getRequestURI() + ":");
        System.out.println(text(body));
        System.out.flush();
        answer(exchange, 200, "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
    }

    /** The message's text field, unescaped enough to read; the whole body when there is none. */
    private static String text(String body) {
        int start = body.indexOf("\"text\":\"");
        if (start < 0) {
            return body;
        }
        StringBuilder text = new StringBuilder();
        for (int index = start + 8; index < body.length(); index++) {
            char c = body.charAt(index);
            if (c == '"') {
                break;
            }
            if (c == '\\' && index + 1 < body.length()) {
                char next = body.charAt(++index);
                text.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
