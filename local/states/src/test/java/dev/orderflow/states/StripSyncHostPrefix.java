package dev.orderflow.states;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * StartSyncExecution and TestState are sent to a {@code sync-} host prefix; against a local
 * endpoint such as 127.0.0.1 that name does not resolve, so strip it.
 */
final class StripSyncHostPrefix implements ExecutionInterceptor {
    @Override
    public SdkHttpRequest modifyHttpRequest(
            Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        SdkHttpRequest r = context.httpRequest();
        return r.host().startsWith("sync-") ? r.toBuilder().host(r.host().substring(5)).build() : r;
    }
}
