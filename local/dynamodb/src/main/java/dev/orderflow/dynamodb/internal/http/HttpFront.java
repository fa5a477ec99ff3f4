package dev.orderflow.dynamodb.internal.http;

import dev.orderflow.dynamodb.internal.ApiException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server (keep-alive, a thread per connection, TCP_NODELAY, each response written
 * with one system call). The JDK's built-in server writes headers and body separately and leaves
 * Nagle's algorithm on, which costs ~40 ms per request against keep-alive clients.
 */
public final class HttpFront implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);
    private static final int MAX_BODY = 64 * 1024 * 1024;
    private static final int MAX_LINE = 64 * 1024;

    private final Dispatcher dispatcher;
    private final ServerSocket server;
    private final ExecutorService workers;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicLong requests =
            new java.util.concurrent.atomic.AtomicLong();
    private final String instance =
            UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);

    public HttpFront(Dispatcher dispatcher, String host, int port) {
        this.dispatcher = dispatcher;
        try {
            server = new ServerSocket(port, 256, InetAddress.getByName(host));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + host + ":" + port, e);
        }
        AtomicInteger n = new AtomicInteger();
        workers =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "dynamodb-http-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        acceptor = new Thread(this::acceptLoop, "dynamodb-http-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A unique request id; cheaper than a random UUID on every response. */
    private String requestId() {
        return instance + Long.toString(requests.incrementAndGet(), 36);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                open.add(s);
                workers.execute(() -> serve(s));
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("accept failed", e);
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
            OutputStream out = s.getOutputStream();
            while (!closed) {
                String requestLine = readLine(in);
                if (requestLine == null) {
                    return;
                }
                if (requestLine.isEmpty()) {
                    continue;
                }
                String[] parts = requestLine.split(" ");
                if (parts.length != 3) {
                    write(
                            out,
                            400,
                            "text/plain",
                            "bad request".getBytes(StandardCharsets.US_ASCII),
                            Map.of(),
                            true);
                    return;
                }
                Map<String, String> headers = readHeaders(in);
                if (headers == null) {
                    return;
                }
                boolean keepAlive =
                        parts[2].equals("HTTP/1.1")
                                ? !"close".equalsIgnoreCase(headers.get("connection"))
                                : "keep-alive".equalsIgnoreCase(headers.get("connection"));
                if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                byte[] body = readBody(in, headers);
                if (body == null) {
                    write(
                            out,
                            413,
                            "text/plain",
                            "request too large".getBytes(StandardCharsets.US_ASCII),
                            Map.of(),
                            true);
                    return;
                }
                respond(parts[0], headers, body, out, !keepAlive);
                if (!keepAlive) {
                    return;
                }
            }
        } catch (SocketException e) {
            // Client went away or the server is closing.
        } catch (NumberFormatException e) {
            LOG.debug("malformed request framing", e);
        } catch (IOException e) {
            LOG.debug("connection error", e);
        } finally {
            open.remove(s);
        }
    }

    private void respond(
            String method,
            Map<String, String> headers,
            byte[] body,
            OutputStream out,
            boolean close)
            throws IOException {
        if (!method.equals("POST")) {
            write(
                    out,
                    200,
                    "text/plain",
                    "healthy: dynamodb.us-east-1.amazonaws.com "
                            .getBytes(StandardCharsets.US_ASCII),
                    Map.of(),
                    close);
            return;
        }
        Dispatcher.Result result =
                headers.get("authorization") == null
                        ? dispatcher.error(ApiException.missingAuth())
                        : dispatcher.handle(headers.get("x-amz-target"), body);
        write(
                out,
                result.status(),
                "application/x-amz-json-1.0",
                result.body(),
                Map.of(
                        "x-amz-crc32",
                        Long.toString(result.crc32()),
                        "x-amzn-RequestId",
                        UUID.randomUUID().toString()),
                close);
    }

    private static void write(
            OutputStream out,
            int status,
            String type,
            byte[] body,
            Map<String, String> extra,
            boolean close)
            throws IOException {
        StringBuilder h = new StringBuilder(256);
        h.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        h.append("Content-Type: ").append(type).append("\r\n");
        h.append("Content-Length: ").append(body.length).append("\r\n");
        extra.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
        if (close) {
            h.append("Connection: close\r\n");
        }
        h.append("\r\n");
        byte[] head = h.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        out.write(all);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 413 -> "Payload Too Large";
            default -> "Internal Server Error";
        };
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            if (sb.length() > MAX_LINE) {
                throw new IOException("line too long");
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static Map<String, String> readHeaders(InputStream in) throws IOException {
        Map<String, String> headers = new HashMap<>();
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        return line == null ? null : headers;
    }

    private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(in);
                if (sizeLine == null) {
                    throw new IOException("truncated chunk");
                }
                int semi = sizeLine.indexOf(';');
                int size =
                        Integer.parseInt(
                                (semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
                if (size == 0) {
                    while (true) {
                        String trailer = readLine(in);
                        if (trailer == null || trailer.isEmpty()) {
                            return body.toByteArray();
                        }
                    }
                }
                if (body.size() + size > MAX_BODY) {
                    return null;
                }
                body.write(in.readNBytes(size));
                readLine(in);
            }
        }
        String length = headers.get("content-length");
        int n = length == null ? 0 : Integer.parseInt(length.trim());
        if (n > MAX_BODY) {
            return null;
        }
        byte[] body = in.readNBytes(n);
        if (body.length != n) {
            throw new IOException("truncated body");
        }
        return body;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing server socket", e);
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("closing connection", e);
            }
        }
        workers.shutdownNow();
    }
}
