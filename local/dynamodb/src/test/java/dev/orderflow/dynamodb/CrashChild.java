package dev.orderflow.dynamodb;

import java.nio.file.Files;
import java.nio.file.Path;

/** Child JVM for {@link DurabilityTest}: serves a data directory until killed. */
public final class CrashChild {
    private CrashChild() {}

    public static void main(String[] args) throws Exception {
        DynamoDbServer server = DynamoDbServer.builder().port(0).dataDir(Path.of(args[0])).start();
        Path portFile = Path.of(args[1]);
        Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(tmp, Integer.toString(server.port()));
        Files.move(tmp, portFile);
        Thread.currentThread().join();
    }
}
