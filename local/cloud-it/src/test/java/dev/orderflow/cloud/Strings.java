package dev.orderflow.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/** Odd strings for generated requests. */
final class Strings {

    private static final String ODD =
            "aZ09 -_.~!*'();:@&=+$,/?#[]%\"<>\\^`{|}\t\u00e9\u00df\u4e2d\u202e\ud83d\ude00\u0000";

    private Strings() {}

    /** Up to {@code max} characters drawn from letters, digits, punctuation and odd code points. */
    static String odd(Random random, int max) {
        int length = 1 + random.nextInt(max);
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            int at = random.nextInt(ODD.length());
            char c = ODD.charAt(at);
            if (Character.isHighSurrogate(c)) {
                out.append(c).append(ODD.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A string the pattern does not find, made from a good value or drawn at random. */
    static String notMatching(Random random, Pattern pattern, String good) {
        List<String> candidates = new ArrayList<>();
        for (String c :
                List.of(
                        "",
                        good.toLowerCase(java.util.Locale.ROOT) + "!",
                        good + "\n",
                        " " + good,
                        "\u0000" + good,
                        "X".repeat(300),
                        "x".repeat(300),
                        odd(random, 40))) {
            if (!pattern.matcher(c).find()) {
                candidates.add(c);
            }
        }
        return candidates.get(random.nextInt(candidates.size()));
    }
}
