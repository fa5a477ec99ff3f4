package dev.orderflow.protocol;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each framed call through the service and writes its answer. One call of a connection is in
 * progress at a time (later pipelined ones wait in order, and reading pauses while several wait),
 * so a client that floods one connection only holds up itself. All fields are touched on the
 * connection's event loop only.
 */
final class CallRunner extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(CallRunner.class);

    /** Pipelined calls a connection may queue before its reading pauses. */
    private static final int MAX_WAITING = 8;

    private final HttpService service;
    private final Executor workers;
    private final Queue<Framed> waiting = new ArrayDeque<>();
    private boolean busy;

    CallRunner(HttpService service, Executor workers) {
        this.service = service;
        this.workers = workers;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Framed framed)) {
            ctx.fireChannelRead(msg);
            return;
        }
        waiting.add(framed);
        if (waiting.size() >= MAX_WAITING) {
            ctx.channel().config().setAutoRead(false);
        }
        if (!busy) {
            next(ctx);
        }
    }

    private void next(ChannelHandlerContext ctx) {
        Framed framed = waiting.poll();
        if (framed == null) {
            busy = false;
            if (!ctx.channel().config().isAutoRead()) {
                ctx.channel().config().setAutoRead(true);
            }
            return;
        }
        busy = true;
        if (framed.call() == null) {
            write(ctx, service.malformed(framed.malformed()).closing(), false);
        } else if (framed.tooLarge() || service.cheap(framed.call())) {
            write(ctx, answer(framed), framed.keepAlive());
        } else {
            try {
                workers.execute(() -> write(ctx, answer(framed), framed.keepAlive()));
            } catch (RejectedExecutionException e) {
                close(ctx); // the server is closing
            }
        }
    }

    private HttpAnswer answer(Framed framed) {
        HttpCall call = framed.call();
        try {
            return framed.tooLarge() ? service.tooLarge(call) : service.handle(call);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", call.method(), call.path(), e);
            return service.internalError(call, e);
        } catch (StackOverflowError e) {
            // A service must bound its recursion; this keeps the server alive if one misses a case.
            LOG.error("{} {} overflowed the stack", call.method(), call.path(), e);
            return service.internalError(call, new IllegalStateException("stack overflow", e));
        }
    }

    /** Writes the answer (from any thread); the next waiting call starts once it is written. */
    private void write(ChannelHandlerContext ctx, HttpAnswer answer, boolean keepAlive) {
        boolean close = answer.close() || !keepAlive;
        HttpResponse head = response(answer, close);
        ChannelFuture written;
        if (answer.chunked()) {
            // a failed head leaves the connection mid-answer: close it (the body write fails too)
            ctx.write(head).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            written =
                    ctx.writeAndFlush(
                            new DefaultLastHttpContent(Unpooled.wrappedBuffer(answer.body())));
        } else {
            written = ctx.writeAndFlush(head);
        }
        if (close) {
            written.addListener(ChannelFutureListener.CLOSE);
        } else {
            written.addListener(
                    f -> {
                        if (f.isSuccess()) {
                            next(ctx);
                        } else {
                            close(ctx);
                        }
                    });
        }
    }

    private static HttpResponse response(HttpAnswer answer, boolean close) {
        HttpResponseStatus status = HttpResponseStatus.valueOf(answer.status());
        HttpResponse response =
                answer.chunked()
                        ? new DefaultHttpResponse(HttpVersion.HTTP_1_1, status)
                        : new DefaultFullHttpResponse(
                                HttpVersion.HTTP_1_1,
                                status,
                                Unpooled.wrappedBuffer(answer.body()));
        HttpHeaders headers = response.headers();
        if (answer.contentType() != null) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
        }
        if (answer.chunked()) {
            headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        } else {
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
        }
        for (Map.Entry<String, List<String>> h : answer.headers().entrySet()) {
            headers.set(h.getKey(), h.getValue());
        }
        if (close) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return response;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("connection error", cause);
        } else {
            LOG.warn("closing a connection after an unexpected error", cause);
        }
        close(ctx);
    }

    /** Closes the connection; a failed close is only logged, as the connection is done with. */
    private static void close(ChannelHandlerContext ctx) {
        ctx.close()
                .addListener(
                        f -> {
                            if (!f.isSuccess()) {
                                LOG.debug("closing a connection failed", f.cause());
                            }
                        });
    }
}
