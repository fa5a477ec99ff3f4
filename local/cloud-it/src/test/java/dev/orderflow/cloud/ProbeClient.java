package dev.orderflow.cloud;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends probes to the HTTP API: with the JDK's client, or over a plain socket when the target is
 * one the client refuses to send (a malformed percent-encoding, say), so the server sees it as is.
 */
final class ProbeClient {

    /** The answer, or the failure (a timeout, a dropped connection) instead of one. */
    record Answer(
            int status, String contentType, String wwwAuthenticate, String body, String failure) {}

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI endpoint;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ProbeClient(URI endpoint) {
        this.endpoint = URI.create(endpoint.toString().replaceAll("/$", ""));
    }

    /**
     * The answer to the probe; a stage throttle's 429 is waited out and the probe sent again, as a
     * client would, so every probe gets the answer to what it carries.
     */
    Answer send(Probe probe) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Answer answer = sendOnce(probe);
            boolean throttled =
                    answer.status() == 429
                            && "{\"message\":\"Too Many Requests\"}".equals(answer.body());
            if (!throttled || attempt == 100) {
                return answer;
            }
            Thread.sleep(20L + 20L * Math.min(attempt, 10));
        }
    }

    private Answer sendOnce(Probe probe) throws InterruptedException {
        URI uri;
        try {
            uri = URI.create(endpoint + probe.target());
        } catch (IllegalArgumentException e) {
            return sendRaw(probe);
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .timeout(TIMEOUT)
                        .method(
                                probe.method(),
                                probe.body().length == 0
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        probe.headers()
                .forEach(
                        (name, value) -> {
                            if (value != null) {
                                request.header(name, value);
                            }
                        });
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("content-type").orElse(null),
                    response.headers().firstValue("www-authenticate").orElse(null),
                    response.body(),
                    null);
        } catch (IOException e) {
            return new Answer(0, null, null, "", e.toString());
        }
    }

    private Answer sendRaw(Probe probe) {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            StringBuilder head = new StringBuilder();
            head.append(probe.method()).append(' ').append(probe.target()).append(" HTTP/1.1\r\n");
            head.append("Host: ").append(endpoint.getAuthority()).append("\r\n");
            probe.headers()
                    .forEach(
                            (name, value) -> {
                                if (value != null) {
                                    head.append(name).append(": ").append(value).append("\r\n");
                                }
                            });
            head.append("Content-Length: ").append(probe.body().length).append("\r\n");
            head.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(probe.body());
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            return new Answer(0, null, null, "", e.toString());
        }
    }

    private static Answer parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n", -1);
        int status = Integer.parseInt(lines[0].split(" ", -1)[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(
                    lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(
                status,
                headers.get("content-type"),
                headers.get("www-authenticate"),
                new String(body, StandardCharsets.UTF_8),
                null);
    }

    private static byte[] unchunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        while (true) {
            StringBuilder size = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("truncated chunk");
                }
                size.append((char) c);
            }
            int length = Integer.parseInt(size.toString().strip().split(";", -1)[0], 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            in.readNBytes(2);
        }
    }
}
