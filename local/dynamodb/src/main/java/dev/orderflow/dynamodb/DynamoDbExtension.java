package dev.orderflow.dynamodb;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts one in-memory {@link DynamoDbServer} on an ephemeral port per test
 * run (shared by all test classes using it) and injects it, or its endpoint {@link URI}, into test
 * and lifecycle method parameters. The server stops when the JUnit root context closes.
 *
 * <pre>{@code
 * @ExtendWith(DynamoDbExtension.class)
 * class OrderRepositoryTest {
 *     @Test
 *     void saves(DynamoDbServer dynamo) { ... dynamo.endpoint() ... }
 * }
 * }</pre>
 *
 * Requires junit-jupiter-api on the test classpath (this module declares it optional).
 */
public final class DynamoDbExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DynamoDbExtension.class);

    /** Holds the server in the root store; JUnit closes AutoCloseable store values at the end. */
    private static final class Holder implements AutoCloseable {
        final DynamoDbServer server = DynamoDbServer.builder().port(0).start();
        private boolean closed;

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                server.close();
            }
        }
    }

    /** The shared server, started on first use. */
    public static DynamoDbServer server(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(Holder.class, k -> new Holder(), Holder.class)
                .server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        DynamoDbServer server = server(context);
        for (Field f : context.getRequiredTestClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == DynamoDbServer.class) {
                f.setAccessible(true);
                f.set(null, server);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        Class<?> type = p.getParameter().getType();
        return type == DynamoDbServer.class || type == URI.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        DynamoDbServer server = server(e);
        return p.getParameter().getType() == URI.class ? server.endpoint() : server;
    }
}
