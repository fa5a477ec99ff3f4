package dev.orderflow.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FrontServerTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private final HttpService echo =
            new HttpService() {
                @Override
                public HttpAnswer handle(HttpCall call) {
                    if (call.path().equals("/slow")) {
                        await(release);
                    }
                    if (call.path().equals("/boom")) {
                        throw new IllegalStateException("bug");
                    }
                    String text =
                            call.method()
                                    + " "
                                    + call.path()
                                    + " q="
                                    + call.query()
                                    + " t="
                                    + call.header("x-amz-target")
                                    + " body="
                                    + new String(call.body(), StandardCharsets.UTF_8);
                    return HttpAnswer.text(200, "text/plain", text).withHeader("x-extra", "1");
                }

                @Override
                public int maxBodyBytes() {
                    return 1024;
                }
            };
    private final FrontServer server = FrontServer.builder("test", echo).port(0).start();
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void close() {
        release.countDown();
        server.close();
    }

    @Test
    void handle_seesMethodPathQueryHeadersAndBody() throws Exception {
        HttpResponse<String> r =
                client.send(
                        HttpRequest.newBuilder(server.endpoint().resolve("/a/b?x=1&y=2"))
                                .header("X-Amz-Target", "Svc.Op")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"k\":1}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("POST /a/b q=x=1&y=2 t=Svc.Op body={\"k\":1}");
        assertThat(r.headers().firstValue("x-extra")).hasValue("1");
        assertThat(r.headers().firstValue("content-type")).hasValue("text/plain");
    }

    @Test
    void keepAlive_servesPipelinedRequestsInOrderOnOneConnection() throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            String requests = post("/1", "a") + post("/2", "bb") + post("/3", "ccc");
            s.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.setSoTimeout(5000);
            String answers = readResponses(s.getInputStream(), 3);

            assertThat(answers.indexOf("POST /1 q=null t=null body=a"))
                    .isLessThan(answers.indexOf("POST /2 q=null t=null body=bb"));
            assertThat(answers.indexOf("POST /2 q=null t=null body=bb"))
                    .isLessThan(answers.indexOf("POST /3 q=null t=null body=ccc"));
        }
    }

    @Test
    void chunkedBody_isJoined() throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            String request =
                    """
                    POST /c HTTP/1.1\r
                    Host: x\r
                    Transfer-Encoding: chunked\r
                    \r
                    3\r
                    abc\r
                    2\r
                    de\r
                    0\r
                    \r
                    """;
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(5000);

            assertThat(readResponses(s.getInputStream(), 1)).contains("body=abcde");
        }
    }

    @Test
    void bodyOverTheLimit_isDrainedAndAnsweredThenTheConnectionCloses() throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            String body = "x".repeat(5000);
            s.getOutputStream().write(post("/big", body).getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(5000);
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413 ").contains("connection: close");
        }
    }

    @Test
    void malformedRequestLine_getsA400AndTheServerStaysUp() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.getOutputStream().write("NONSENSE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(5000);
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400 ");
        }
        assertThat(get("/after").statusCode()).isEqualTo(200);
    }

    @Test
    void failingService_answersItsInternalError() throws Exception {
        assertThat(get("/boom").statusCode()).isEqualTo(500);
        assertThat(get("/after").statusCode()).isEqualTo(200);
    }

    @Test
    void slowRequest_doesNotHoldUpOtherConnections() throws Exception {
        var slow =
                client.sendAsync(
                        HttpRequest.newBuilder(server.endpoint().resolve("/slow")).build(),
                        HttpResponse.BodyHandlers.ofString());
        HttpClient other = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r =
                    other.send(
                            HttpRequest.newBuilder(server.endpoint().resolve("/fast" + i))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        }
        assertThat(slow).isNotDone();
        release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void start_throwsUncheckedIOException_whenThePortIsTaken() {
        assertThatThrownBy(() -> FrontServer.builder("again", echo).port(server.port()).start())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(String.valueOf(server.port()));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(server.endpoint() + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String post(String path, String body) {
        return "POST "
                + path
                + " HTTP/1.1\r\nHost: x\r\nContent-Length: "
                + body.length()
                + "\r\n\r\n"
                + body;
    }

    /** Reads until {@code count} bodies of the echo service have arrived. */
    private static String readResponses(InputStream in, int count) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (occurrences(all.toString(StandardCharsets.UTF_8), "body=") < count) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            all.write(buffer, 0, n);
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
