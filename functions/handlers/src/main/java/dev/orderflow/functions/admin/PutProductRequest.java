package dev.orderflow.functions.admin;

import dev.orderflow.domain.catalog.Money;
import dev.orderflow.domain.catalog.Product;
import dev.orderflow.domain.catalog.Sku;
import dev.orderflow.domain.error.InvalidInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The JSON body of {@code PUT /admin/products/{sku}}: the whole product but its SKU. */
record PutProductRequest(String name, Price price, Boolean active) {

    /** A decimal string with at most 12 integer and 4 fraction digits, e.g. {@code "12.50"}. */
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}(\\.\\d{1,4})?");

    record Price(String amount, String currency) {}

    /** The product, every bad field named. */
    Product toProduct(Sku sku) {
        List<InvalidInput.Violation> violations = new ArrayList<>();
        if (name == null) {
            violations.add(new InvalidInput.Violation("name", "is required"));
        }
        if (active == null) {
            violations.add(new InvalidInput.Violation("active", "is required"));
        }
        Money money = null;
        try {
            money = money();
        } catch (InvalidInput e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return new Product(sku, name, money, active);
    }

    private Money money() {
        if (price == null) {
            throw InvalidInput.of("price", "is required");
        }
        if (price.currency() == null) {
            throw InvalidInput.of("price.currency", "is required");
        }
        if (price.amount() == null || !AMOUNT.matcher(price.amount()).matches()) {
            throw InvalidInput.of(
                    "price.amount", "must be a non-negative decimal string such as \"12.50\"");
        }
        Money unit;
        try {
            unit = Money.ofMinor(0, price.currency());
        } catch (InvalidInput e) {
            throw InvalidInput.of("price.currency", e.violations().get(0).reason());
        }
        int digits = Math.max(unit.currency().getDefaultFractionDigits(), 0);
        BigDecimal amount = new BigDecimal(price.amount());
        if (amount.stripTrailingZeros().scale() > digits) {
            throw InvalidInput.of(
                    "price.amount",
                    "has more decimals than "
                            + unit.currency().getCurrencyCode()
                            + " allows ("
                            + digits
                            + ")");
        }
        return new Money(amount.movePointRight(digits).longValueExact(), unit.currency());
    }
}
