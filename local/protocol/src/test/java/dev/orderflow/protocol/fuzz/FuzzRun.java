package dev.orderflow.protocol.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Sends requests over a few keep-alive connections at once, as a client would, and sorts the
 * answers: accepted (2xx), AWS-shaped client errors, anything else (server errors, client errors
 * that are not AWS-shaped), timeouts, and connections dropped without an answer.
 */
public final class FuzzRun {
    private final String host;
    private final int port;
    private final int connections;
    private final int timeoutMillis;
    private final Predicate<RawAnswer> awsShaped;

    /**
     * @param timeoutMillis how long one answer may take before the request counts as timed out
     * @param awsShaped whether a 4xx answer has the service's error shape
     */
    public FuzzRun(
            String host,
            int port,
            int connections,
            int timeoutMillis,
            Predicate<RawAnswer> awsShaped) {
        this.host = host;
        this.port = port;
        this.connections = connections;
        this.timeoutMillis = timeoutMillis;
        this.awsShaped = awsShaped;
    }

    /** What came back. */
    public record Report(
            int sent,
            int accepted,
            int awsClientErrors,
            List<String> unexpected,
            List<String> timeouts,
            List<String> dropped,
            Map<Integer, Integer> statuses,
            long slowestMillis,
            String slowest) {

        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "%d sent: %d accepted, %d AWS-shaped 4xx, %d unexpected, %d timeouts, %d"
                            + " dropped; statuses %s; slowest answer %d ms (%s)",
                    sent,
                    accepted,
                    awsClientErrors,
                    unexpected.size(),
                    timeouts.size(),
                    dropped.size(),
                    statuses,
                    slowestMillis,
                    slowest);
        }
    }

    public Report run(List<RawRequest> requests) throws InterruptedException {
        ConcurrentLinkedQueue<RawRequest> queue = new ConcurrentLinkedQueue<>(requests);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger awsErrors = new AtomicInteger();
        AtomicLong slowest = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> slowestLabel =
                new java.util.concurrent.atomic.AtomicReference<>("");
        List<String> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> timeouts = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> dropped = new java.util.concurrent.CopyOnWriteArrayList<>();
        Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            running.add(
                    clients.submit(
                            () -> {
                                Connection connection = null;
                                RawRequest request;
                                while ((request = queue.poll()) != null) {
                                    long start = System.nanoTime();
                                    try {
                                        if (connection == null) {
                                            connection = new Connection();
                                        }
                                        RawAnswer answer = connection.send(request);
                                        long took = (System.nanoTime() - start) / 1_000_000;
                                        if (took > slowest.getAndAccumulate(took, Math::max)) {
                                            slowestLabel.set(request.label());
                                        }
                                        statuses.merge(answer.status(), 1, Integer::sum);
                                        if (answer.status() < 300) {
                                            accepted.incrementAndGet();
                                        } else if (answer.status() < 500
                                                && awsShaped.test(answer)) {
                                            awsErrors.incrementAndGet();
                                        } else {
                                            unexpected.add(
                                                    request.label()
                                                            + " -> "
                                                            + answer.status()
                                                            + " "
                                                            + abbreviate(answer.text()));
                                        }
                                        if ("close".equalsIgnoreCase(answer.header("connection"))) {
                                            connection.close();
                                            connection = null;
                                        }
                                    } catch (SocketTimeoutException e) {
                                        timeouts.add(request.label());
                                        connection = closeQuietly(connection);
                                    } catch (IOException e) {
                                        dropped.add(request.label() + ": " + e.getMessage());
                                        connection = closeQuietly(connection);
                                    }
                                }
                                closeQuietly(connection);
                            }));
        }
        clients.shutdown();
        if (!clients.awaitTermination(30, TimeUnit.MINUTES)) {
            clients.shutdownNow();
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("fuzz client failed", e.getCause());
            }
        }
        return new Report(
                requests.size(),
                accepted.get(),
                awsErrors.get(),
                List.copyOf(unexpected),
                List.copyOf(timeouts),
                List.copyOf(dropped),
                Map.copyOf(statuses),
                slowest.get(),
                slowestLabel.get());
    }

    private static Connection closeQuietly(Connection connection) {
        if (connection != null) {
            connection.close();
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    /** One keep-alive connection. */
    private final class Connection {
        private final Socket socket;
        private final InputStream in;

        Connection() throws IOException {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        RawAnswer send(RawRequest request) throws IOException {
            socket.getOutputStream().write(request.bytes());
            socket.getOutputStream().flush();
            String statusLine = line();
            if (statusLine == null) {
                throw new IOException("connection closed without an answer");
            }
            String[] parts = statusLine.split(" ", 3);
            int status = Integer.parseInt(parts[1]);
            Map<String, String> headers = new HashMap<>();
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                headers.put(
                        h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        h.substring(colon + 1).trim());
            }
            byte[] body;
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().trim(), 16);
                        size > 0;
                        size = Integer.parseInt(line().trim(), 16)) {
                    all.writeBytes(in.readNBytes(size));
                    line();
                }
                line();
                body = all.toByteArray();
            } else {
                body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            }
            return new RawAnswer(status, headers, body);
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c == '\n') {
                    int n = s.length();
                    return n > 0 && s.charAt(n - 1) == '\r' ? s.substring(0, n - 1) : s.toString();
                }
                s.append((char) c);
            }
            return s.length() == 0 ? null : s.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
