package dev.orderflow.cloud.cli;

import dev.orderflow.cloud.Invocation;
import dev.orderflow.cloud.LocalCloud;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./orderflow invoke}: through the running local cloud's Lambda API when one answers on the
 * port, else in a throw-away local cloud booted for this one call.
 */
final class InvokeCommand {

    private final PrintStream out;
    private final PrintStream err;

    InvokeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Options o) {
        String function = o.word(1, "FUNCTION");
        String payload;
        try {
            payload = o.get("event").map(InvokeCommand::read).orElse("{}");
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read the event: " + e.getMessage());
        }
        EdgeCalls edge = new EdgeCalls(o.port("port", 4566));
        if (edge.running()) {
            try {
                HttpResponse<String> r =
                        edge.post(
                                "/2015-03-31/functions/"
                                        + URLEncoder.encode(function, StandardCharsets.UTF_8)
                                        + "/invocations",
                                payload);
                out.println(r.body());
                if (r.statusCode() != 200) {
                    return 1;
                }
                boolean failed = r.headers().firstValue("X-Amz-Function-Error").isPresent();
                if (failed) {
                    err.println("function error (X-Amz-Function-Error: Unhandled)");
                }
                return failed ? 1 : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
        err.println("no local cloud on " + edge.edge() + ": booting one for this invocation");
        LocalCloud.Builder builder =
                LocalCloud.builder()
                        .template(
                                Path.of(
                                        o.get("template")
                                                .orElse("cdk.out/Orderflow-dev.template.json")))
                        .edgePort(0)
                        .gatewayPort(0);
        o.get("data-dir").map(Path::of).ifPresent(builder::dataDir);
        o.get("code").map(Path::of).ifPresent(builder::functionCode);
        try (LocalCloud cloud = builder.start()) {
            Invocation result = cloud.invoke(function, payload);
            out.println(result.payload());
            if (result.functionError()) {
                err.println("function error (X-Amz-Function-Error: Unhandled)");
            }
            return result.functionError() ? 1 : 0;
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
