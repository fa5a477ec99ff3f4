package dev.orderflow.states;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.SfnClientBuilder;

/** The unmodified SDK v2 {@code SfnClient}, configured as an application would, for a server. */
final class SdkClients {

    private SdkClients() {}

    /**
     * A client builder pointed at the server, with dummy static credentials; add to it or build.
     */
    static SfnClientBuilder sfn(StepFunctionsServer server) {
        return SfnClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .httpClient(UrlConnectionHttpClient.create());
    }

    /**
     * A client for the server's synchronous operations too: without the host prefix the SDK puts
     * before {@code StartSyncExecution} and {@code TestState} calls ({@code sync-}), which a local
     * endpoint cannot resolve.
     */
    static SfnClient sfnWithoutHostPrefix(StepFunctionsServer server) {
        return sfn(server)
                .overrideConfiguration(c -> c.addExecutionInterceptor(new StripSyncHostPrefix()))
                .build();
    }
}
