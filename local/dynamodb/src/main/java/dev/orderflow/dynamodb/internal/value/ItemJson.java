package dev.orderflow.dynamodb.internal.value;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An item that writes itself straight to the JSON generator, so responses carrying items do not
 * build an intermediate JSON tree (the hot path of GetItem, Query and Scan).
 */
final class ItemJson implements JsonSerializable {
    private final Map<String, AttributeValue> item;

    ItemJson(Map<String, AttributeValue> item) {
        this.item = item;
    }

    @Override
    public void serialize(JsonGenerator g, SerializerProvider p) throws IOException {
        writeMap(g, item);
    }

    @Override
    public void serializeWithType(JsonGenerator g, SerializerProvider p, TypeSerializer t)
            throws IOException {
        serialize(g, p);
    }

    static void writeMap(JsonGenerator g, Map<String, AttributeValue> map) throws IOException {
        g.writeStartObject();
        if (map instanceof CompactItem compact) {
            for (int i = 0; i < compact.size(); i++) {
                g.writeFieldName(compact.nameAt(i));
                write(g, compact.valueAt(i));
            }
            g.writeEndObject();
            return;
        }
        for (Map.Entry<String, AttributeValue> e : map.entrySet()) {
            g.writeFieldName(e.getKey());
            write(g, e.getValue());
        }
        g.writeEndObject();
    }

    static void write(JsonGenerator g, AttributeValue v) throws IOException {
        g.writeStartObject();
        if (v instanceof AttributeValue.S s) {
            if (s.plainAscii() && g instanceof UTF8JsonGenerator) {
                // Nothing to escape: copy the bytes (ISO-8859-1 equals ASCII here). Two array
                // copies cost less CPU than the generator's raw char path, which converts the
                // characters one by one (11% of the in-process samples when tried, issue 15).
                byte[] bytes = s.value().getBytes(StandardCharsets.ISO_8859_1);
                g.writeFieldName("S");
                g.writeRawUTF8String(bytes, 0, bytes.length);
            } else {
                g.writeStringField("S", s.value());
            }
        } else if (v instanceof AttributeValue.N n) {
            g.writeStringField("N", n.text());
        } else if (v instanceof AttributeValue.B b) {
            g.writeStringField("B", b.value().base64());
        } else if (v instanceof AttributeValue.Bool b) {
            g.writeBooleanField("BOOL", b.value());
        } else if (v instanceof AttributeValue.Null) {
            g.writeBooleanField("NULL", true);
        } else if (v instanceof AttributeValue.L l) {
            g.writeArrayFieldStart("L");
            for (AttributeValue x : l.values()) {
                write(g, x);
            }
            g.writeEndArray();
        } else if (v instanceof AttributeValue.M m) {
            g.writeFieldName("M");
            writeMap(g, m.values());
        } else if (v instanceof AttributeValue.SS ss) {
            g.writeArrayFieldStart("SS");
            for (String x : ss.values()) {
                g.writeString(x);
            }
            g.writeEndArray();
        } else if (v instanceof AttributeValue.NS ns) {
            g.writeArrayFieldStart("NS");
            for (BigDecimal x : ns.values()) {
                g.writeString(Numbers.format(x));
            }
            g.writeEndArray();
        } else if (v instanceof AttributeValue.BS bs) {
            g.writeArrayFieldStart("BS");
            for (Bytes x : bs.values()) {
                g.writeString(x.base64());
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItemJson other && other.item.equals(item);
    }

    @Override
    public int hashCode() {
        return item.hashCode();
    }
}
