package dev.orderflow.cloud.internal.lambda;

import dev.orderflow.cloud.internal.template.FunctionSpec;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * Builds the handler's {@code Context} (and its {@code LambdaLogger}) as dynamic proxies of the
 * interfaces loaded by the function's own class loader, since the runtime cannot link against them.
 */
final class ContextProxy {

    private static final Set<String> HANDLED =
            Set.of(
                    "log",
                    "getAwsRequestId",
                    "getLogGroupName",
                    "getLogStreamName",
                    "getFunctionName",
                    "getFunctionVersion",
                    "getInvokedFunctionArn",
                    "getRemainingTimeInMillis",
                    "getMemoryLimitInMB",
                    "getLogger");

    private ContextProxy() {}

    static Object create(
            ClassLoader loader,
            FunctionSpec spec,
            InvocationRequest request,
            Clock clock,
            Logger log,
            Consumer<String> logged)
            throws ClassNotFoundException {
        Class<?> contextType = loader.loadClass("com.amazonaws.services.lambda.runtime.Context");
        Class<?> loggerType =
                loader.loadClass("com.amazonaws.services.lambda.runtime.LambdaLogger");
        Object lambdaLogger =
                Proxy.newProxyInstance(
                        loader,
                        new Class<?>[] {loggerType},
                        handler(
                                (method, args) -> {
                                    if (method.getName().equals("log") && args != null) {
                                        Object message = args[0];
                                        String text =
                                                message instanceof byte[] bytes
                                                        ? new String(bytes, StandardCharsets.UTF_8)
                                                        : String.valueOf(message);
                                        log.info("{}", text.stripTrailing());
                                        logged.accept(text);
                                    }
                                    return null;
                                }));
        String version = "$LATEST";
        String invokedArn =
                request.qualifier().equals("$LATEST")
                        ? spec.arn()
                        : spec.arn() + ":" + request.qualifier();
        return Proxy.newProxyInstance(
                loader,
                new Class<?>[] {contextType},
                handler(
                        (method, args) -> {
                            return switch (method.getName()) {
                                case "getAwsRequestId" -> request.requestId();
                                case "getLogGroupName" -> "/aws/lambda/" + spec.name();
                                case "getLogStreamName" ->
                                        "local/[" + version + "]" + request.requestId();
                                case "getFunctionName" -> spec.name();
                                case "getFunctionVersion" -> version;
                                case "getInvokedFunctionArn" -> invokedArn;
                                case "getRemainingTimeInMillis" ->
                                        (int)
                                                Math.max(
                                                        0,
                                                        Duration.between(
                                                                        clock.instant(),
                                                                        request.deadline())
                                                                .toMillis());
                                case "getMemoryLimitInMB" -> spec.memoryMb();
                                case "getLogger" -> lambdaLogger;
                                default -> null;
                            };
                        }));
    }

    @FunctionalInterface
    private interface Answer {
        Object answer(Method method, Object[] args);
    }

    private static InvocationHandler handler(Answer answer) {
        return (proxy, method, args) -> {
            switch (method.getName()) {
                case "toString":
                    if (method.getParameterCount() == 0) {
                        return "LocalLambdaContext";
                    }
                    break;
                case "hashCode":
                    if (method.getParameterCount() == 0) {
                        return System.identityHashCode(proxy);
                    }
                    break;
                case "equals":
                    if (method.getParameterCount() == 1) {
                        return proxy == args[0];
                    }
                    break;
                default:
                    break;
            }
            if (method.isDefault() && !HANDLED.contains(method.getName())) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return answer.answer(method, args);
        };
    }
}
