package dev.orderflow.cloud.internal.boot;

import dev.orderflow.cloud.internal.gateway.LocalIssuer;
import dev.orderflow.dynamodb.DynamoDbEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Boot settings (see {@code LocalCloud.Builder}).
 *
 * @param trustedIssuer another stack's issuer: this stack's JWT authorizers trust it and its token
 *     endpoint mints its tokens (a region of the multi-region mode trusts the first region's user
 *     pool); empty: the stack's own issuer
 * @param keptQueues where the stack's queues live across its restarts in this process (a region
 *     taken down and up again); empty: the stack starts and stops its own
 * @param dynamoDbReady told the DynamoDB engine once its tables exist, before any function, poller
 *     or execution runs (a region coming back joins its global tables first, so no write of its
 *     goes unreplicated)
 */
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
        Map<String, String> functionEnvironment,
        Optional<LocalIssuer> trustedIssuer,
        Optional<KeptQueues> keptQueues,
        Consumer<DynamoDbEngine> dynamoDbReady) {

    /** The one account the local cloud's ARNs and queue URLs name. */
    public static final String ACCOUNT = "000000000000";

    public BootSettings {
        functionEnvironment = Map.copyOf(functionEnvironment);
    }
}
