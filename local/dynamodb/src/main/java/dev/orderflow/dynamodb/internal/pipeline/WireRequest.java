package dev.orderflow.dynamodb.internal.pipeline;

import java.util.Map;

/**
 * One HTTP request as the pipeline sees it.
 *
 * @param method the HTTP method, upper case
 * @param query the raw query string after {@code ?}, or null
 * @param headers header names in lower case
 * @param body the request body, never null
 */
public record WireRequest(String method, String query, Map<String, String> headers, byte[] body) {
    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
