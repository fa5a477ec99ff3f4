package dev.orderflow.domain.centers;

import dev.orderflow.domain.error.InvalidInput;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** How a fulfillment center's warehouse system is reached, as its record states it. */
public sealed interface WarehouseLink {

    /** The center states no warehouse system; the deployment's default warehouse serves it. */
    record None() implements WarehouseLink {}

    /**
     * The center's warehouse system takes shipments over HTTP at this base URL.
     *
     * @param url an absolute {@code https} URL without query or fragment; {@code http} only for a
     *     loopback host, so a warehouse fake on the same machine can stand in for a real one
     */
    record Endpoint(URI url) implements WarehouseLink {

        /** The longest URL a center may state. */
        public static final int MAX_LENGTH = 512;

        private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

        /**
         * @throws InvalidInput (field {@code warehouseEndpoint}) if the URL is not absolute, not
         *     https (or http on a loopback host), carries user info, a query or a fragment, or is
         *     too long
         */
        public Endpoint {
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
            boolean secure = scheme.equals("https");
            boolean local = scheme.equals("http") && LOOPBACK.contains(host);
            if (!url.isAbsolute()
                    || host.isEmpty()
                    || !(secure || local)
                    || url.getRawUserInfo() != null
                    || url.getRawQuery() != null
                    || url.getRawFragment() != null
                    || url.toString().length() > MAX_LENGTH) {
                throw invalid();
            }
        }

        /**
         * Parses an admin's input.
         *
         * @throws InvalidInput (field {@code warehouseEndpoint}) if it is not such a URL
         */
        public static Endpoint parse(String text) {
            Objects.requireNonNull(text, "text");
            try {
                return new Endpoint(new URI(text));
            } catch (java.net.URISyntaxException e) {
                throw invalid();
            }
        }

        private static InvalidInput invalid() {
            return InvalidInput.of(
                    "warehouseEndpoint",
                    "must be an absolute https URL of at most "
                            + MAX_LENGTH
                            + " characters without query or fragment (http only for localhost)");
        }
    }
}
