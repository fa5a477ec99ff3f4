package dev.orderflow.dynamodb.internal.value;

import dev.orderflow.dynamodb.internal.error.ApiException;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * DynamoDB number rules: up to 38 significant digits, magnitude between 1E-130 and
 * 9.9999999999999999999999999999999999999E+125 (Developer Guide, "Supported data types").
 */
public final class Numbers {
    private static final int MAX_EXPONENT = 125;
    private static final int MIN_EXPONENT = -130;

    private Numbers() {}

    /** Parses and normalises a number from its wire text, or throws the AWS error. */
    public static BigDecimal parse(String text) {
        BigDecimal value;
        try {
            if (!plausible(text)) {
                throw new NumberFormatException();
            }
            value = new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw ApiException.validation(
                    text.isEmpty()
                            ? "The parameter cannot be converted to a numeric value"
                            : "The parameter cannot be converted to a numeric value: " + text);
        }
        return check(value);
    }

    /**
     * Only digits, sign, decimal point and exponent (BigDecimal alone accepts a few more forms).
     */
    private static boolean plausible(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9')
                    || c == '-'
                    || c == '+'
                    || c == '.'
                    || c == 'e'
                    || c == 'E')) {
                return false;
            }
        }
        return true;
    }

    /** Validates range and precision and strips trailing zeros. */
    public static BigDecimal check(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        // DynamoDB checks the magnitude (the leading digit's power of ten) before precision.
        int exponent = stripped.precision() - stripped.scale() - 1;
        if (exponent > MAX_EXPONENT) {
            throw ApiException.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than"
                            + " supported range");
        }
        if (exponent < MIN_EXPONENT) {
            throw ApiException.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than"
                            + " supported range");
        }
        if (stripped.precision() > 38) {
            throw ApiException.validation(
                    "Attempting to store more than 38 significant digits in a Number");
        }
        return stripped;
    }

    /** Arithmetic result with DynamoDB's precision rule. */
    public static BigDecimal add(BigDecimal a, BigDecimal b) {
        return check(a.add(b, MathContext.UNLIMITED));
    }

    /** The canonical text form: plain notation, no trailing zeros. */
    public static String format(BigDecimal value) {
        return value.toPlainString();
    }
}
