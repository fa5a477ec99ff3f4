package dev.orderflow.cloud.internal.lambda;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.orderflow.cloud.internal.template.FunctionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * A function's code loaded once: its class loader (with the function's environment installed), the
 * handler class initialised, the handler method and the event serializers. Every execution
 * environment of the function is a handler instance over this code, so the handler is loaded and
 * JIT-compiled once per function rather than once per environment (the AWS SDK's and Jackson's
 * classes come from a loader shared by all functions, see {@link FunctionClassLoader#SHARED}). The
 * price is that environments of one function share static state, as environments restored from one
 * SnapStart snapshot start from the same static state.
 */
final class FunctionCode implements AutoCloseable {

    private final FunctionSpec spec;
    private final FunctionClassLoader loader;
    private final Class<?> type;
    private final Method method;
    private final boolean stream;
    private final PojoSerializer<Object> input;
    private final PojoSerializer<Object> output;

    private FunctionCode(
            FunctionSpec spec, FunctionClassLoader loader, Class<?> type, Method method) {
        this.spec = spec;
        this.loader = loader;
        this.type = type;
        this.method = method;
        Class<?>[] params = method.getParameterTypes();
        this.stream =
                params.length == 3
                        && InputStream.class.equals(params[0])
                        && OutputStream.class.equals(params[1]);
        this.input = stream || params.length == 0 ? null : serializer(params[0], loader);
        Class<?> out = method.getReturnType();
        this.output = stream || out == void.class ? null : serializer(out, loader);
    }

    /**
     * Creates the class loader, installs the environment and initialises the handler class.
     *
     * @param shared the loader of the libraries shared by all functions of this code
     */
    static FunctionCode load(
            FunctionSpec spec,
            Map<String, String> environment,
            FunctionOutput output,
            ClassLoader shared)
            throws Exception {
        FunctionClassLoader loader =
                new FunctionClassLoader("lambda:" + spec.name(), spec.code(), shared);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            loader.loadClass(GetenvRewriter.SHIM.replace('/', '.'))
                    .getMethod("install", Map.class, PrintStream.class, PrintStream.class)
                    .invoke(null, environment, output.out(), output.err());
            String[] handlerParts = spec.handler().split("::", 2);
            Class<?> type = Class.forName(handlerParts[0], true, loader);
            String methodName = handlerParts.length > 1 ? handlerParts[1] : "handleRequest";
            return new FunctionCode(spec, loader, type, find(type, methodName));
        } catch (Exception | Error e) {
            loader.close();
            throw e;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Gives {@code loader}'s copy of {@code FunctionEnv} its environment variables. */
    static void install(ClassLoader loader, Map<String, String> environment) throws Exception {
        loader.loadClass(GetenvRewriter.SHIM.replace('/', '.'))
                .getMethod("install", Map.class)
                .invoke(null, environment);
    }

    /** A new handler instance (null for a static handler method): one environment's init. */
    Object newHandler() throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            return Modifier.isStatic(method.getModifiers())
                    ? null
                    : type.getDeclaredConstructor().newInstance();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    FunctionSpec spec() {
        return spec;
    }

    ClassLoader loader() {
        return loader;
    }

    Method method() {
        return method;
    }

    boolean streams() {
        return stream;
    }

    /** The event deserializer; null for stream handlers and handlers without an input. */
    PojoSerializer<Object> input() {
        return input;
    }

    /** The result serializer; null for stream handlers and void handlers. */
    PojoSerializer<Object> output() {
        return output;
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
            return (PojoSerializer<Object>) EventSerializers.forEvent(type, loader);
        }
        return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
    }
}
