package dev.orderflow.dynamodb.internal.shape;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON type of one request member in DynamoDB's service model. DynamoDB's deserializer (Coral,
 * a Java service framework) checks a request against these types before anything else, and its
 * error messages name the Java type it was building, so each shape knows its Java type name.
 */
public sealed interface Shape {
    /** The Java type DynamoDB's deserializer names in its messages. */
    String javaType();

    /** A string, boolean, integer, long or base64 blob. */
    enum Scalar implements Shape {
        STRING("java.lang.String"),
        BOOLEAN("java.lang.Boolean"),
        INTEGER("java.lang.Integer"),
        LONG("java.lang.Long"),
        BLOB("java.nio.ByteBuffer");

        private final String javaType;

        Scalar(String javaType) {
            this.javaType = javaType;
        }

        @Override
        public String javaType() {
            return javaType;
        }

        /** The short name used in conversion messages, e.g. {@code String}. */
        public String simpleName() {
            return javaType.substring(javaType.lastIndexOf('.') + 1);
        }
    }

    /** A JSON array of one member shape. */
    record ListOf(Shape member) implements Shape {
        @Override
        public String javaType() {
            return "java.util.List<" + member.javaType() + ">";
        }
    }

    /** A JSON object with string keys and one value shape. */
    record MapOf(Shape value) implements Shape {
        @Override
        public String javaType() {
            return "java.util.Map<java.lang.String, " + value.javaType() + ">";
        }
    }

    /**
     * A named structure. Members are added after construction so that a structure can contain
     * itself (an AttributeValue's {@code L} and {@code M}).
     */
    final class Struct implements Shape {
        private static final String MODEL_PACKAGE = "com.amazonaws.dynamodb.v20120810.";

        private final String name;
        private final Map<String, Shape> members = new LinkedHashMap<>();

        public Struct(String name) {
            this.name = name;
        }

        public Struct with(String member, Shape shape) {
            members.put(member, shape);
            return this;
        }

        public Shape member(String member) {
            return members.get(member);
        }

        @Override
        public String javaType() {
            return MODEL_PACKAGE + name;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
