package dev.orderflow.cloud.internal.lambda;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.orderflow.cloud.internal.template.FunctionSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;

/**
 * One Lambda execution environment: its own class loader, environment and handler instance. Like a
 * real environment it serves one invocation at a time and is reused while warm.
 */
final class ExecutionEnvironment implements AutoCloseable {

    private final FunctionSpec spec;
    private final FunctionClassLoader loader;
    private final Object handler;
    private final Method method;
    private final boolean stream;
    private final PojoSerializer<Object> input;
    private final PojoSerializer<Object> output;
    private final Duration initDuration;

    private ExecutionEnvironment(
            FunctionSpec spec,
            FunctionClassLoader loader,
            Object handler,
            Method method,
            Duration initDuration) {
        this.spec = spec;
        this.loader = loader;
        this.handler = handler;
        this.method = method;
        this.initDuration = initDuration;
        Class<?>[] params = method.getParameterTypes();
        this.stream =
                params.length == 3
                        && InputStream.class.equals(params[0])
                        && OutputStream.class.equals(params[1]);
        this.input = stream || params.length == 0 ? null : serializer(params[0], loader);
        Class<?> out = method.getReturnType();
        this.output = stream || out == void.class ? null : serializer(out, loader);
    }

    /** Creates the class loader, installs the environment and runs the handler's init phase. */
    static ExecutionEnvironment start(FunctionSpec spec, Map<String, String> environment)
            throws Exception {
        long started = System.nanoTime();
        FunctionClassLoader loader = new FunctionClassLoader(spec.name(), spec.code());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            loader.loadClass(GetenvRewriter.SHIM.replace('/', '.'))
                    .getMethod("install", Map.class)
                    .invoke(null, environment);
            String[] handlerParts = spec.handler().split("::", 2);
            Class<?> type = Class.forName(handlerParts[0], true, loader);
            String methodName = handlerParts.length > 1 ? handlerParts[1] : "handleRequest";
            Method method = find(type, methodName);
            Object instance =
                    Modifier.isStatic(method.getModifiers())
                            ? null
                            : type.getDeclaredConstructor().newInstance();
            return new ExecutionEnvironment(
                    spec, loader, instance, method, Duration.ofNanos(System.nanoTime() - started));
        } catch (Exception | Error e) {
            loader.close();
            throw e;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    Duration initDuration() {
        return initDuration;
    }

    /**
     * Runs the handler on the current thread.
     *
     * @throws InvocationTargetException wrapping what the handler threw
     */
    byte[] invoke(InvocationRequest request, Clock clock, Logger log) throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Object context = ContextProxy.create(loader, spec, request, clock, log);
            if (stream) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                method.invoke(handler, new ByteArrayInputStream(request.payload()), out, context);
                return out.toByteArray();
            }
            Object event =
                    input == null
                            ? null
                            : input.fromJson(new ByteArrayInputStream(request.payload()));
            Object result =
                    switch (method.getParameterCount()) {
                        case 0 -> method.invoke(handler);
                        case 1 -> method.invoke(handler, event);
                        default -> method.invoke(handler, event, context);
                    };
            if (output == null || result == null) {
                return "null".getBytes(StandardCharsets.UTF_8);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            output.toJson(result, out);
            return out.toByteArray();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            // the jar stays open until the JVM exits; nothing else to release
        }
    }

    private static Method find(Class<?> type, String name) throws NoSuchMethodException {
        Method best = null;
        for (Method m : type.getMethods()) {
            if (!m.getName().equals(name) || m.isBridge() || m.getParameterCount() > 3) {
                continue;
            }
            if (best == null || m.getDeclaringClass() != Object.class) {
                best = m;
            }
        }
        if (best == null) {
            throw new NoSuchMethodException(type.getName() + "::" + name);
        }
        best.setAccessible(true);
        return best;
    }

    @SuppressWarnings("unchecked") // the serializer is chosen for exactly this class
    private static PojoSerializer<Object> serializer(Class<?> type, ClassLoader loader) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, loader);
        }
        return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
    }
}
