package dev.orderflow.dynamodb.internal.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompactItemTest {

    private static Map<String, AttributeValue> linked(int attributes) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        for (int i = attributes - 1; i >= 0; i--) {
            m.put("attr" + i, new AttributeValue.S("v" + i));
        }
        return m;
    }

    @Test
    @SuppressWarnings(
            "CollectionIncompatibleType") // get(42) checks the Map contract for a foreign key
    void copyOf_keepsOrderAndEqualsTheMap_forSmallAndIndexedItems() {
        for (int n : new int[] {0, 1, 3, 11, 12, 40}) {
            Map<String, AttributeValue> m = linked(n);
            CompactItem c = CompactItem.copyOf(m);
            assertThat(c).isEqualTo(m).hasSameHashCodeAs(m);
            assertThat(c.keySet()).containsExactlyElementsOf(m.keySet());
            for (String name : m.keySet()) {
                assertThat(c.get(new String(name))).isEqualTo(m.get(name));
                assertThat(c.containsKey(name)).isTrue();
            }
            assertThat(c.get("missing")).isNull();
            assertThat(c.get(42)).isNull();
        }
    }

    @Test
    void itemSize_isTheSizeOfTheSameLinkedMap() {
        Map<String, AttributeValue> m = linked(20);
        m.put("nested", new AttributeValue.M(linked(13)));
        m.put("n", new AttributeValue.N(new java.math.BigDecimal("123.45")));
        assertThat(ItemSize.of(CompactItem.copyOf(m)))
                .isEqualTo(ItemSize.of(new LinkedHashMap<>(m)));
    }

    @Test
    void builder_keepsFirstPositionAndLastValue_forARepeatedName() {
        CompactItem c =
                new CompactItem.Builder(1)
                        .put("a", AttributeValue.Bool.TRUE)
                        .put("b", AttributeValue.Null.INSTANCE)
                        .put("a", AttributeValue.Bool.FALSE)
                        .build();
        assertThat(c.keySet()).containsExactly("a", "b");
        assertThat(c.get("a")).isEqualTo(AttributeValue.Bool.FALSE);
    }

    @Test
    void put_isUnsupported() {
        CompactItem c = CompactItem.copyOf(linked(2));
        assertThatThrownBy(() -> c.put("x", AttributeValue.Null.INSTANCE))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
