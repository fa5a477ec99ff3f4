package dev.orderflow.protocol;

import dev.orderflow.protocol.internal.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server for one {@link HttpService}, on Netty: keep-alive, {@code 100-continue},
 * chunked bodies, TCP_NODELAY, bodies over the service's limit drained and answered, requests of
 * one connection answered in order. A request runs on a worker thread unless the service calls it
 * {@linkplain HttpService#cheap cheap}, so a slow request never holds up another connection.
 *
 * <pre>{@code
 * try (FrontServer server = FrontServer.builder("dynamodb", service).port(0).start()) {
 *     URI endpoint = server.endpoint();
 * }
 * }</pre>
 */
public final class FrontServer implements AutoCloseable {
    /** Request line and header limits; AWS SDK requests use a few hundred bytes of each. */
    private static final int MAX_REQUEST_LINE = 64 * 1024;

    private static final int MAX_HEADERS = 64 * 1024;

    private final EventLoopGroup loops;
    private final ExecutorService workers;
    private final Channel channel;
    private final String host;

    private FrontServer(Builder b) {
        this.host = b.host;
        Transport transport = Transport.best();
        this.loops = transport.loops(b.ioThreads, b.name + "-io");
        this.workers = workers(b.name);
        HttpService service = b.service;
        try {
            this.channel =
                    new ServerBootstrap()
                            .group(loops)
                            .channel(transport.serverChannel())
                            .option(ChannelOption.SO_BACKLOG, 1024)
                            .childOption(ChannelOption.TCP_NODELAY, true)
                            .childHandler(
                                    new ChannelInitializer<Channel>() {
                                        @Override
                                        protected void initChannel(Channel ch) {
                                            ch.pipeline()
                                                    .addLast(
                                                            new HttpServerCodec(
                                                                    new HttpDecoderConfig()
                                                                            .setMaxInitialLineLength(
                                                                                    MAX_REQUEST_LINE)
                                                                            .setMaxHeaderSize(
                                                                                    MAX_HEADERS)))
                                                    .addLast(new HttpServerExpectContinueHandler())
                                                    .addLast(new CallFramer(service.maxBodyBytes()))
                                                    .addLast(new CallRunner(service, workers));
                                        }
                                    })
                            .bind(new InetSocketAddress(b.host, b.port))
                            .syncUninterruptibly()
                            .channel();
        } catch (Exception e) { // Netty rethrows the bind's IOException unchecked
            close();
            IOException cause =
                    e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            throw new UncheckedIOException("Cannot listen on " + b.host + ":" + b.port, cause);
        }
    }

    /** A builder for a server named {@code name} (used in thread names) serving {@code service}. */
    public static Builder builder(String name, HttpService service) {
        return new Builder(name, service);
    }

    /** The bound port (the ephemeral one when built with port 0). */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** The base URI clients use, e.g. {@code http://127.0.0.1:54321}. */
    public URI endpoint() {
        String h = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return URI.create("http://" + h + ":" + port());
    }

    /** Stops listening, closes open connections and stops the threads. */
    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownNow();
    }

    /** Threads made on demand and kept for a minute: one per request in progress at most. */
    private static ExecutorService workers(String name) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(
                        0,
                        Integer.MAX_VALUE,
                        60,
                        TimeUnit.SECONDS,
                        new SynchronousQueue<>(),
                        r -> {
                            Thread t = new Thread(r, name + "-worker-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        return pool;
    }

    /** Configures and starts a {@link FrontServer}. */
    public static final class Builder {
        private final String name;
        private final HttpService service;
        private String host = "127.0.0.1";
        private int port;
        private int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());

        private Builder(String name, HttpService service) {
            this.name = Objects.requireNonNull(name, "name");
            this.service = Objects.requireNonNull(service, "service");
        }

        /** Bind address, default 127.0.0.1. */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** Port to listen on; 0 (the default) picks a free one. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port out of range: " + value);
            }
            this.port = value;
            return this;
        }

        /** Network threads; default the number of cores, at least 2. */
        public Builder ioThreads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("ioThreads must be at least 1: " + value);
            }
            this.ioThreads = value;
            return this;
        }

        /**
         * Binds the port and starts serving.
         *
         * @throws UncheckedIOException when the port cannot be bound
         */
        public FrontServer start() {
            return new FrontServer(this);
        }
    }
}
