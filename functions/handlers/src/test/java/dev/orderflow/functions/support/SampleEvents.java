package dev.orderflow.functions.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's {@code events/} folder, where every function's sample events live. */
public final class SampleEvents {

    /** Surefire runs in the module folder: functions/handlers. */
    public static final Path FOLDER = Path.of("../../events").toAbsolutePath().normalize();

    private SampleEvents() {}

    public static APIGatewayV2HTTPEvent http(String fileName) {
        return EventLoader.loadApiGatewayHttpEvent(FOLDER.resolve(fileName).toString());
    }

    public static SQSEvent sqs(String fileName) {
        return EventLoader.loadSQSEvent(FOLDER.resolve(fileName).toString());
    }

    public static DynamodbEvent dynamodb(String fileName) {
        return EventLoader.loadDynamoDbEvent(FOLDER.resolve(fileName).toString());
    }

    /** Every sample event whose name starts with the given source prefix. */
    public static List<String> named(String prefix) {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && n.endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
