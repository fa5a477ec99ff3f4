package dev.orderflow.dynamodb.internal.pipeline;

import dev.orderflow.dynamodb.internal.Engine;

/**
 * DynamoDB's request pipeline, in DynamoDB's order; the first stage that fails answers:
 *
 * <ol>
 *   <li>connection: method, content type, CORS preflight, health check ({@link ConnectionStage})
 *   <li>the body must be JSON, then the target must name an operation ({@link Dispatcher})
 *   <li>authentication: a complete SigV4 signature in the header or the query ({@link
 *       SignatureStage})
 *   <li>the operation's own stages: deserialization against its shape, constraint validation,
 *       semantic validation, table existence, then the work
 * </ol>
 *
 * Every answer carries DynamoDB's {@code x-amzn-RequestId} and {@code x-amz-crc32}, and a CORS
 * header when the request has an {@code Origin}.
 */
public final class RequestPipeline {
    private final ConnectionStage connection = new ConnectionStage(Engine.REGION);
    private final RequestIds ids = new RequestIds();
    private final Dispatcher dispatcher;

    public RequestPipeline(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** The largest body DynamoDB reads; a larger one gets {@link #tooLarge}. */
    public static int maxBody() {
        return ConnectionStage.MAX_BODY;
    }

    public WireResponse handle(WireRequest request) {
        WireResponse answer = connection.earlyAnswer(request).orElseGet(() -> json(request));
        return decorate(answer, request);
    }

    /** The answer to a body over {@link #maxBody()} bytes, which is never read. */
    public WireResponse tooLarge(WireRequest request) {
        return decorate(ConnectionStage.tooLarge(), request);
    }

    private WireResponse json(WireRequest request) {
        Dispatcher.Result result =
                dispatcher.handle(
                        request.header("x-amz-target"),
                        request.body(),
                        () -> SignatureStage.check(request));
        return WireResponse.of(result.status(), ConnectionStage.dialect(request), result.body());
    }

    private WireResponse decorate(WireResponse answer, WireRequest request) {
        answer.header("x-amzn-RequestId", ids.next());
        answer.header("x-amz-crc32", Long.toString(answer.crc32()));
        if (request.header("origin") != null) {
            answer.header("Access-Control-Allow-Origin", "*");
        }
        return answer;
    }
}
