package dev.orderflow.dynamodb.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orderflow.dynamodb.internal.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The HTTP listener (JDK built-in server): POST / with X-Amz-Target, as AWS's endpoint. */
public final class HttpFront implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final Dispatcher dispatcher;

    public HttpFront(Dispatcher dispatcher, String host, int port, int threads) {
        this.dispatcher = dispatcher;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + host + ":" + port, e);
        }
        AtomicInteger n = new AtomicInteger();
        executor =
                new ThreadPoolExecutor(
                        threads,
                        threads,
                        60,
                        TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(),
                        r -> {
                            Thread t = new Thread(r, "dynamodb-http-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            Dispatcher.Result result;
            if (!"POST".equals(ex.getRequestMethod())) {
                byte[] text =
                        "healthy: dynamodb.us-east-1.amazonaws.com "
                                .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "text/plain");
                ex.sendResponseHeaders(200, text.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(text);
                }
                return;
            }
            if (ex.getRequestHeaders().getFirst("Authorization") == null) {
                result = dispatcher.error(ApiException.missingAuth());
            } else {
                result = dispatcher.handle(ex.getRequestHeaders().getFirst("X-Amz-Target"), body);
            }
            ex.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            ex.getResponseHeaders().add("x-amz-crc32", Long.toString(result.crc32()));
            ex.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
            ex.sendResponseHeaders(result.status(), result.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(result.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
