package dev.orderflow.cloud.internal.lambda;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * One Lambda execution environment: a handler instance over its function's loaded code. Like a real
 * environment it serves one invocation at a time and is reused while warm.
 */
final class ExecutionEnvironment {

    private final FunctionCode code;
    private final Object handler;
    private final Duration initDuration;

    private ExecutionEnvironment(FunctionCode code, Object handler, Duration initDuration) {
        this.code = code;
        this.handler = handler;
        this.initDuration = initDuration;
    }

    /**
     * Runs one environment's init phase: a new handler instance. {@code since} is when the init
     * began, so that the first environment's init includes loading the code.
     */
    static ExecutionEnvironment start(FunctionCode code, long since) throws Exception {
        Object handler = code.newHandler();
        return new ExecutionEnvironment(code, handler, Duration.ofNanos(System.nanoTime() - since));
    }

    Duration initDuration() {
        return initDuration;
    }

    /**
     * Runs the handler on the current thread.
     *
     * @throws InvocationTargetException wrapping what the handler threw
     */
    byte[] invoke(InvocationRequest request, Clock clock, Logger log, Consumer<String> logged)
            throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = code.loader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Method method = code.method();
            Object context = ContextProxy.create(loader, code.spec(), request, clock, log, logged);
            if (code.streams()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                method.invoke(handler, new ByteArrayInputStream(request.payload()), out, context);
                return out.toByteArray();
            }
            Object event =
                    code.input() == null
                            ? null
                            : code.input().fromJson(new ByteArrayInputStream(request.payload()));
            Object result =
                    switch (method.getParameterCount()) {
                        case 0 -> method.invoke(handler);
                        case 1 -> method.invoke(handler, event);
                        default -> method.invoke(handler, event, context);
                    };
            if (code.output() == null || result == null) {
                return "null".getBytes(StandardCharsets.UTF_8);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            code.output().toJson(result, out);
            return out.toByteArray();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
