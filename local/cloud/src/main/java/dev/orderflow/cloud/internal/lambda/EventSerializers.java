package dev.orderflow.cloud.internal.lambda;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.util.SerializeUtil;
import java.lang.reflect.Field;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda's event serializers for functions that share one JVM.
 *
 * <p>aws-lambda-java-serialization keeps every class it looks up by name (the nested event classes
 * its mix-ins are for, Joda's {@code DateTime}) in one JVM-wide map, {@code
 * SerializeUtil.cachedClasses}. In Lambda a JVM runs one function, so that is harmless. Here every
 * function has its own class loader, hence its own class of each name: the second function's
 * serializer would get its mix-ins registered on the first function's classes, and, for a {@code
 * DynamodbEvent}, hand the handler records whose {@code dynamodb} member is empty. So each
 * serializer is built with that map emptied first, one at a time. The library consults the map only
 * while building a serializer (and in its org.json S3 serializer, which no orderflow function
 * uses).
 */
final class EventSerializers {

    private static final Logger LOG = LoggerFactory.getLogger(EventSerializers.class);

    private static final Object LOCK = new Object();
    private static final Map<?, ?> CLASSES_BY_NAME = classesByName();

    private EventSerializers() {}

    /** The library's serializer for a supported event class of the function's loader. */
    static PojoSerializer<?> forEvent(Class<?> type, ClassLoader loader) {
        synchronized (LOCK) {
            if (CLASSES_BY_NAME != null) {
                CLASSES_BY_NAME.clear();
            }
            return LambdaEventSerializers.serializerFor(type, loader);
        }
    }

    /** The library's by-name class map, or null if this version of it has none. */
    private static Map<?, ?> classesByName() {
        try {
            Field field = SerializeUtil.class.getDeclaredField("cachedClasses");
            field.setAccessible(true);
            return (Map<?, ?>) field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("aws-lambda-java-serialization keeps no class cache to reset", e);
            return null;
        }
    }
}
