package dev.orderflow.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the codec's request head and body parts into one {@link Framed} call. A body over the limit
 * is read to its end and dropped, so that the service can answer it.
 */
final class CallFramer extends ChannelInboundHandlerAdapter {
    private static final byte[] EMPTY = new byte[0];

    private final int maxBody;
    private HttpRequest head;
    private byte[] body;
    private int size;
    private boolean tooLarge;

    CallFramer(int maxBody) {
        this.maxBody = maxBody;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request) {
                start(ctx, request);
            }
            if (head != null && msg instanceof HttpContent content) {
                append(content.content());
                if (content instanceof LastHttpContent) {
                    finish(ctx);
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void start(ChannelHandlerContext ctx, HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            head = null;
            Throwable cause = request.decoderResult().cause();
            ctx.fireChannelRead(
                    Framed.malformed(
                            cause == null
                                    ? "Malformed HTTP request"
                                    : "Malformed HTTP request: " + cause.getMessage()));
            return;
        }
        head = request;
        size = 0;
        long declared = HttpUtil.getContentLength(request, -1L);
        tooLarge = declared > maxBody;
        body = declared > 0 && !tooLarge ? new byte[(int) declared] : EMPTY;
    }

    private void append(ByteBuf part) {
        int n = part.readableBytes();
        if (n == 0 || tooLarge) {
            return;
        }
        if ((long) size + n > maxBody) {
            tooLarge = true;
            body = EMPTY;
            return;
        }
        if (size + n > body.length) {
            byte[] grown = new byte[Math.min(maxBody, Math.max(size + n, body.length * 2))];
            System.arraycopy(body, 0, grown, 0, size);
            body = grown;
        }
        part.getBytes(part.readerIndex(), body, size, n);
        size += n;
    }

    private void finish(ChannelHandlerContext ctx) {
        HttpRequest request = head;
        head = null;
        String uri = request.uri();
        int q = uri.indexOf('?');
        Map<String, List<String>> headers = new HashMap<>();
        for (Map.Entry<String, String> h : request.headers()) {
            headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                    .add(h.getValue());
        }
        byte[] complete = tooLarge ? EMPTY : size == body.length ? body : Arrays.copyOf(body, size);
        HttpCall call =
                new HttpCall(
                        request.method().name(),
                        q < 0 ? uri : uri.substring(0, q),
                        q < 0 ? null : uri.substring(q + 1),
                        headers,
                        complete,
                        request.protocolVersion().text(),
                        remote(ctx));
        body = EMPTY;
        ctx.fireChannelRead(new Framed(call, HttpUtil.isKeepAlive(request), tooLarge, null));
    }

    private static String remote(ChannelHandlerContext ctx) {
        SocketAddress address = ctx.channel().remoteAddress();
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress()
                : "127.0.0.1";
    }
}
