package dev.orderflow.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.domain.error.InvalidInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "a-1", "-AB", "A", "AB_1", "AB 1"})
    void sku_rejectsMalformedValues(String raw) {
        assertThatThrownBy(() -> new Sku(raw))
                .isInstanceOf(InvalidInput.class)
                .satisfies(
                        e ->
                                assertThat(((InvalidInput) e).violations().get(0).field())
                                        .isEqualTo("sku"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB", "TSHIRT-RED-XL", "0-9"})
    void sku_acceptsWellFormedValues(String raw) {
        assertThat(new Sku(raw).value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @CsvSource({"1250,EUR,12.50", "1250,JPY,1250", "5,USD,0.05", "1234,BHD,1.234"})
    void money_rendersMinorUnitsWithTheCurrencysDigits(long minor, String code, String expected) {
        assertThat(Money.ofMinor(minor, code).decimalAmount().toPlainString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"-1,EUR,price", "10,EURO,currency", "10,XYZ,currency"})
    void money_rejectsNegativeAmountsAndUnknownCurrencies(long minor, String code, String field) {
        assertThatThrownBy(() -> Money.ofMinor(minor, code))
                .isInstanceOf(InvalidInput.class)
                .satisfies(
                        e ->
                                assertThat(((InvalidInput) e).violations().get(0).field())
                                        .isEqualTo(field));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 201})
    void product_rejectsBlankOrOverlongNames(int length) {
        String name = "x".repeat(length);
        assertThatThrownBy(() -> new Product(new Sku("AB"), name, Money.ofMinor(1, "EUR"), true))
                .isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("name:");
    }
}
