package dev.orderflow.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.error.InvalidInput;
import dev.orderflow.domain.page.Cursor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProductCursorCodecTest {

    @ParameterizedTest
    @ValueSource(strings = {"AB", "TSHIRT-RED-XL", "0-9"})
    void decode_returnsTheKeyThatWasEncoded(String sku) {
        Cursor.After cursor = ProductCursorCodec.encode(sku);

        assertThat(cursor.token()).doesNotContain("=", "+", "/");
        assertThat(ProductCursorCodec.decode(cursor).get("sku").s()).isEqualTo(sku);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%%%", "cDE6", "eDE6QUI", "cDE6bG93ZXI"})
    void decode_rejectsTokensItDidNotIssue(String token) {
        // "cDE6" = "p1:" with no key, "eDE6QUI" = "x1:AB", "cDE6bG93ZXI" = "p1:lower"
        assertThatThrownBy(() -> ProductCursorCodec.decode(new Cursor.After(token)))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("cursor: is not a cursor returned by this API");
    }

    @ParameterizedTest
    @ValueSource(strings = {"p1:AB"})
    void decode_acceptsPaddedBase64(String text) {
        String padded =
                Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        assertThat(ProductCursorCodec.decode(new Cursor.After(padded)).get("sku").s())
                .isEqualTo("AB");
    }
}
