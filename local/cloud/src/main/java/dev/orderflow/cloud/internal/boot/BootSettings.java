package dev.orderflow.cloud.internal.boot;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Boot settings (see {@code LocalCloud.Builder}). */
public record BootSettings(
        Path template,
        int edgePort,
        int gatewayPort,
        Optional<Path> dataDir,
        String region,
        Clock clock,
        int functionConcurrency,
        Optional<Path> functionCode,
        boolean stageThrottle,
        Map<String, String> functionEnvironment) {

    /** The one account the local cloud's ARNs and queue URLs name. */
    public static final String ACCOUNT = "000000000000";

    public BootSettings {
        functionEnvironment = Map.copyOf(functionEnvironment);
    }
}
