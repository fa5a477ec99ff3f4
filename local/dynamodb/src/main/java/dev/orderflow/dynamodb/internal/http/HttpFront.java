package dev.orderflow.dynamodb.internal.http;

import dev.orderflow.dynamodb.internal.pipeline.RequestPipeline;
import dev.orderflow.dynamodb.internal.pipeline.WireRequest;
import dev.orderflow.dynamodb.internal.pipeline.WireResponse;
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
    private static final int MAX_LINE = 64 * 1024;

    private final RequestPipeline pipeline;
    private final ServerSocket server;
    private final ExecutorService workers;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    public HttpFront(RequestPipeline pipeline, String host, int port) {
        this.pipeline = pipeline;
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
                    write(out, WireResponse.text(400, "text/plain", "bad request"), true);
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
                String method = parts[0];
                String path = parts[1];
                int q = path.indexOf('?');
                String query = q < 0 ? null : path.substring(q + 1);
                byte[] body = readBody(in, headers);
                if (body == null) {
                    write(
                            out,
                            pipeline.tooLarge(new WireRequest(method, query, headers, new byte[0])),
                            true);
                    return;
                }
                write(
                        out,
                        pipeline.handle(new WireRequest(method, query, headers, body)),
                        !keepAlive);
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

    private static void write(OutputStream out, WireResponse response, boolean close)
            throws IOException {
        StringBuilder h = new StringBuilder(256);
        int status = response.status();
        h.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        h.append("Content-Type: ").append(response.contentType()).append("\r\n");
        if (response.chunked()) {
            h.append("Transfer-Encoding: chunked\r\n");
        } else {
            h.append("Content-Length: ").append(response.body().length).append("\r\n");
        }
        response.headers().forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
        if (close) {
            h.append("Connection: close\r\n");
        }
        h.append("\r\n");
        byte[] head = h.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] body = response.chunked() ? chunked(response.body()) : response.body();
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        out.write(all);
        out.flush();
    }

    private static byte[] chunked(byte[] body) {
        String last = "0\r\n\r\n";
        if (body.length == 0) {
            return last.getBytes(StandardCharsets.US_ASCII);
        }
        byte[] size =
                (Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n" + last).getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[size.length + body.length + tail.length];
        System.arraycopy(size, 0, all, 0, size.length);
        System.arraycopy(body, 0, all, size.length, body.length);
        System.arraycopy(tail, 0, all, size.length + body.length, tail.length);
        return all;
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
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

    /**
     * Reads the body, or returns null when it is larger than DynamoDB accepts; an oversized body is
     * still read to its end (and dropped) so that the client, still sending, gets the 413 instead
     * of a reset connection.
     */
    private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
        int max = RequestPipeline.maxBody();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            boolean tooLarge = false;
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
                    skipTrailers(in);
                    return tooLarge ? null : body.toByteArray();
                }
                tooLarge |= body.size() + size > max;
                if (tooLarge) {
                    in.skipNBytes(size);
                } else {
                    body.write(in.readNBytes(size));
                }
                readLine(in);
            }
        }
        String length = headers.get("content-length");
        long n = length == null ? 0 : Long.parseLong(length.trim());
        if (n < 0) {
            throw new IOException("negative content length");
        }
        if (n > max) {
            in.skipNBytes(n);
            return null;
        }
        byte[] body = in.readNBytes((int) n);
        if (body.length != n) {
            throw new IOException("truncated body");
        }
        return body;
    }

    private static void skipTrailers(InputStream in) throws IOException {
        String trailer;
        do {
            trailer = readLine(in);
        } while (trailer != null && !trailer.isEmpty());
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
