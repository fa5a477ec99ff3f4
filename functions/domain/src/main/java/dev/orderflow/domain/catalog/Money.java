package dev.orderflow.domain.catalog;

import dev.orderflow.domain.error.InvalidInput;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency's minor unit (cents for EUR, yen for JPY), so arithmetic is exact.
 *
 * @param amountMinor the amount in minor units, never negative
 * @param currency the ISO 4217 currency
 */
public record Money(long amountMinor, Currency currency) {

    /**
     * @throws InvalidInput if the amount is negative
     */
    public Money {
        Objects.requireNonNull(currency, "currency");
        if (amountMinor < 0) {
            throw InvalidInput.of("price", "must not be negative");
        }
    }

    /**
     * Money from an amount in minor units and an ISO 4217 code.
     *
     * @throws InvalidInput if the code is not an ISO 4217 currency or the amount is negative
     */
    public static Money ofMinor(long amountMinor, String currencyCode) {
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(
                    "currency", "must be an ISO 4217 code, got '" + currencyCode + "'");
        }
        return new Money(amountMinor, currency);
    }

    /** The amount in major units with the currency's usual digits, e.g. {@code 12.50} EUR. */
    public BigDecimal decimalAmount() {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        return BigDecimal.valueOf(amountMinor, digits);
    }
}
